import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliverySource, type DeliveryStatus } from '../../domain/index.js';

const int = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** Keyset paging, the same on every list of this service. */
class PageQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;
}

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: ['http', 'sedex'] })
  @IsOptional()
  @IsIn(['http', 'sedex'])
  source?: DeliverySource;

  @ApiPropertyOptional({ type: Number, description: "BFS number (narrows the caller's scope, never widens it)" })
  @IsOptional()
  @Transform(int)
  @IsInt()
  municipality?: number;

  @ApiPropertyOptional({ description: 'eCH-0058 messageId' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  messageId?: string;
}

export class QuarantineQuery extends PageQuery {
  @ApiPropertyOptional({ type: Number, description: 'BFS number' })
  @IsOptional()
  @Transform(int)
  @IsInt()
  municipality?: number;
}

export class OutcomesQuery {
  @ApiPropertyOptional({ type: Number, minimum: 0, default: 0, description: 'First position (seq) to return' })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(0)
  from?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Transform(int)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
