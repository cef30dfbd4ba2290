import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EXIT_REASONS, PLACEMENT_KINDS, RETURN_REASONS } from '../../domain/index.js';

export class CaseworkersDto {
  @ApiProperty({
    type: [String],
    description: 'Usernames of the responsible caseworkers; the first leads. Only they see health constraints.',
    example: ['sr.olten'],
  })
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  caseworkers!: string[];
}

export class ReturnDto {
  @ApiProperty({ enum: RETURN_REASONS })
  @IsIn(RETURN_REASONS)
  reasonCode!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'For the integration officer; no personal or health details.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ClosureDto {
  @ApiProperty({ enum: EXIT_REASONS })
  @IsIn(EXIT_REASONS)
  exitReason!: string;

  @ApiProperty({ format: 'date', example: '2027-06-30' })
  @IsISO8601({ strict: true })
  closedOn!: string;
}

export class MoveDto {
  @ApiProperty({
    description: 'Id of the Sozialregion the person moved to (contracts/reference/sozialregionen.json).',
    example: 'thal-gaeu',
  })
  @IsString()
  @Length(1, 80)
  toSozialregion!: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  movedOn!: string;
}

export class RavReportDto {
  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  reportedOn!: string;
}

export class PlacementDto {
  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  placedOn!: string;

  @ApiProperty({ enum: PLACEMENT_KINDS })
  @IsIn(PLACEMENT_KINDS)
  kind!: string;
}

export class MeasureStatusDto {
  @ApiProperty({ enum: ['running', 'ended', 'cancelled'] })
  @IsIn(['running', 'ended', 'cancelled'])
  status!: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  on!: string;
}

export class DirectPersonDto {
  @ApiProperty() @IsString() @Length(1, 100) officialName!: string;
  @ApiProperty() @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) dateOfBirth!: string;
  @ApiProperty({ enum: ['female', 'male', 'unknown'] }) @IsIn(['female', 'male', 'unknown']) sex!:
    'female' | 'male' | 'unknown';
  @ApiPropertyOptional({ description: 'AHV number (756…)' }) @IsOptional() @IsString() @MaxLength(13) vn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10) permitCode?: string;
}

export class DirectCaseDto {
  @ApiProperty({
    description: "Pseudonymous person reference from the canton's assignment.",
    example: 'p-va-2027-0012',
  })
  @IsString()
  @Length(1, 64)
  personRef!: string;

  @ApiProperty({ type: DirectPersonDto })
  @ValidateNested()
  @Type(() => DirectPersonDto)
  person!: DirectPersonDto;

  @ApiProperty({ example: 'sr.olten' })
  @IsString()
  @Length(1, 100)
  caseworker!: string;

  @ApiProperty({ format: 'date', description: 'Day the canton assigned the person to the region (RRB 2019/782).' })
  @IsISO8601({ strict: true })
  assignedOn!: string;

  @ApiPropertyOptional({ description: 'BFS number of the municipality of residence, where known.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  municipality?: number;
}
