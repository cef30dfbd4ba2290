import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { BREAKDOWNS, type Breakdown } from '../domain/catalogue.js';
import { LEVELS, type Level } from '../../shared/reference.js';

const list = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);
const bool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class FigureQuery {
  @ApiProperty({
    type: String,
    example: '2027-Q1',
    description:
      'Year (2027), half-year (2027-H1), quarter (2027-Q1) or month (2027-03); facts count by the date the catalogue names',
  })
  @IsString()
  @MaxLength(10)
  period!: string;

  @ApiPropertyOptional({
    enum: LEVELS,
    default: 'municipality',
    description: 'Rows: member municipality, Leitgemeinde, Sozialregion or canton',
  })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: BREAKDOWNS, description: "Columns by one breakdown instead of the figure's variants" })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  breakdown?: Breakdown;

  @ApiPropertyOptional({
    type: [String],
    description: "Catalogue keys (comma-separated); default every figure released to the caller's role",
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9-]{1,60}$/, { each: true })
  figures?: string[];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Public view: small cells suppressed with their complements, for any caller',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  public?: boolean;
}

export class ExportQuery extends FigureQuery {
  @ApiProperty({ enum: ['csv', 'xlsx', 'pdf'] })
  @IsIn(['csv', 'xlsx', 'pdf'])
  format!: 'csv' | 'xlsx' | 'pdf';
}

export class TraceQuery {
  @ApiProperty({ type: String, example: '2027-Q1' })
  @IsString()
  @MaxLength(10)
  period!: string;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level!: Level;

  @ApiProperty({
    type: String,
    description: 'Area id: BFS number (municipality, Leitgemeinde), Sozialregion id, or SO (canton)',
    example: '2601',
  })
  @Matches(/^[A-Za-z0-9-]{1,60}$/)
  area!: string;

  @ApiPropertyOptional({
    type: String,
    description: 'A variant of the figure (talk, info-folder, …) or, with breakdown, a breakdown value',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9+-]{1,40}$/)
  column?: string;

  @ApiPropertyOptional({ enum: BREAKDOWNS })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  breakdown?: Breakdown;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Trace as the snapshot froze it (its log position)',
  })
  @IsOptional()
  @IsUUID()
  snapshot?: string;
}

export class KipQuery {
  @ApiProperty({ type: String, example: '2027', description: 'Reporting year' })
  @Matches(/^\d{4}$/, { message: 'year must be a year (2027)' })
  year!: string;
}
