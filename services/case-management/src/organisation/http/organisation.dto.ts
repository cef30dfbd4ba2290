import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class OrganisationPeriodDto {
  @ApiProperty({
    enum: ['in-house', 'leitgemeinde'],
    description: "in-house = gemeindeinternes Modell; leitgemeinde = the Leitgemeinde's IB works its cases",
  })
  @IsIn(['in-house', 'leitgemeinde'])
  model!: 'in-house' | 'leitgemeinde';

  @ApiPropertyOptional({ type: Number, description: 'BFS number of the Leitgemeinde (model leitgemeinde)' })
  @ValidateIf((o: OrganisationPeriodDto) => o.model === 'leitgemeinde')
  @IsInt()
  @Min(1)
  @Max(9999)
  leitgemeinde?: number;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'First day of the new model; after the last recorded period (append-only)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom!: string;

  @ApiProperty({ type: String, maxLength: 2000, description: 'Why (e.g. the cooperation contract)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

class ModelDto {
  @ApiProperty({ enum: ['in-house', 'leitgemeinde'] }) kind!: string;
  @ApiPropertyOptional() leitgemeinde?: number;
}

export class MunicipalityModelDto {
  @ApiProperty() municipality!: number;
  @ApiProperty({ type: ModelDto }) model!: ModelDto;
  @ApiProperty({ description: 'Whose officers work its cases today' }) responsibleUnit!: number;
  @ApiProperty({ type: [Number], description: 'Municipalities it leads today' }) members!: number[];
  @ApiProperty({ type: String, nullable: true }) sozialregion!: string | null;
}

export class OrganisationPeriodViewDto {
  @ApiProperty() municipality!: number;
  @ApiProperty({ type: ModelDto }) model!: ModelDto;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() reason!: string;
}
