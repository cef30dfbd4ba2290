import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { REJECT_REASONS } from '../../domain/index.js';

export class AcceptanceDto {
  @ApiProperty({
    description: 'Username of the responsible caseworker of the region (leads the DFPA case).',
    example: 'sr.olten',
  })
  @IsString()
  @Length(1, 100)
  caseworker!: string;
}

export class RejectionDto {
  @ApiProperty({ enum: REJECT_REASONS, description: 'Why the region does not take the case over.' })
  @IsIn(REJECT_REASONS)
  reasonCode!: string;

  @ApiPropertyOptional({
    description: 'Free text for the integration officer; no names, addresses, AHV numbers or health details.',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
