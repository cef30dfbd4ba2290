import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CASE_PHASES, CASE_STATUSES } from '../../domain/index.js';
import { SORT_KEYS } from '../../infrastructure/work-list.query.js';

/** Query strings arrive as strings (or arrays when repeated): `phase=a,b` and `phase=a&phase=b` both work. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);
const ints = (params: { value: unknown }): unknown =>
  (list(params) as string[] | undefined)?.map((v) => (/^\d+$/.test(v) ? Number(v) : v));
const int = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const bool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export const SORTS = SORT_KEYS.flatMap((k) => [k, `-${k}`]);

export class ListCasesQuery {
  @ApiPropertyOptional({ type: [String], enum: CASE_PHASES, description: 'Phases (comma-separated or repeated)' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(CASE_PHASES, { each: true })
  phase?: (typeof CASE_PHASES)[number][];

  @ApiPropertyOptional({
    type: [String],
    enum: CASE_STATUSES,
    description: 'Statuses; default every status but closed',
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(CASE_STATUSES, { each: true })
  status?: (typeof CASE_STATUSES)[number][];

  @ApiPropertyOptional({ type: [Number], description: "BFS numbers (narrows the caller's scope, never widens it)" })
  @IsOptional()
  @Transform(ints)
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  municipality?: number[];

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'Cases whose next due date is on or before this day',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  due?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only cases whose next due date has passed (true) or has not (false)',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: String, description: 'Nationality: ISO 3166 alpha-2 (ER) or BFS country code (8362)' })
  @IsOptional()
  @Matches(/^([A-Z]{2}|8\d{3})$/)
  nationality?: string;

  @ApiPropertyOptional({ type: String, description: 'Main language (ISO 639-3)' })
  @IsOptional()
  @Matches(/^[a-z]{3}$/)
  language?: string;

  @ApiPropertyOptional({ type: String, description: 'Household reference: the cases of one household together' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  household?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Name search: every word must occur in official or first name (case and accents ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'due', description: 'Sort key; a leading minus sorts descending' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ type: String, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
