import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Small decorator bundles so each DTO field states its validation and its OpenAPI schema in one line. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DateField = (description: string, example = '2027-01-14') =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', description, example }),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );
export const OptionalDateField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', description }),
    IsOptional(),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );
export const TextField = (description: string, max = 4000, example?: string) =>
  applyDecorators(
    ApiProperty({ type: String, description, maxLength: max, ...(example ? { example } : {}) }),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
export const OptionalTextField = (description: string, max = 4000) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, description, maxLength: max }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );
export const EnumField = (values: readonly string[], description: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsIn(values));
export const OptionalEnumField = (values: readonly string[], description: string) =>
  applyDecorators(ApiPropertyOptional({ enum: values, description }), IsOptional(), IsIn(values));
export const LanguageField = (description: string) =>
  applyDecorators(
    ApiProperty({ type: String, pattern: '^[a-z]{3}$', description: `${description} (ISO 639-3)`, example: 'tir' }),
    Matches(/^[a-z]{3}$/),
  );
export const BoolField = (description: string) =>
  applyDecorators(ApiProperty({ type: Boolean, description }), IsBoolean());
export const IntField = (description: string, min: number, max: number) =>
  applyDecorators(ApiProperty({ type: Number, description, minimum: min, maximum: max }), IsInt(), Min(min), Max(max));
