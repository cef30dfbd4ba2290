import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Decorator bundles: each DTO field states its validation and its OpenAPI schema in one line. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DateField = (description: string) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', description }),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );
export const OptionalDateField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', description, nullable: true }),
    IsOptional(),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );
export const TextField = (description: string, max = 2000) =>
  applyDecorators(ApiProperty({ type: String, description, maxLength: max }), IsString(), MinLength(1), MaxLength(max));
export const OptionalTextField = (description: string, max = 2000) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, description, maxLength: max }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );
export const EnumField = (values: readonly string[], description: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsIn(values));
export const IntField = (description: string, min: number, max: number) =>
  applyDecorators(
    ApiProperty({ type: Number, description, minimum: min, maximum: max }),
    IsInt({ message: '$property must be an integer (whole Rappen, never a decimal)' }),
    Min(min),
    Max(max),
  );
export const BoolField = (description: string) =>
  applyDecorators(ApiProperty({ type: Boolean, description }), IsBoolean());
