import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class FreezeSnapshotDto {
  @ApiProperty({ type: String, example: '2027-Q1', description: 'The period to freeze' })
  @IsString()
  @MaxLength(10)
  period!: string;
}

export class SnapshotListQuery {
  @ApiPropertyOptional({ type: String, example: '2027-Q1' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  period?: string;
}
