import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DECISION_KINDS, MEASURE_KINDS, REPORT_REASON_KINDS } from '../../domain/index.js';
import { BoolField, DateField, EnumField, OptionalDateField, OptionalEnumField, TextField } from './fields.js';
import { AgreementGoalDto } from './fordern.dto.js';

export class ReportReasonDto {
  @EnumField(REPORT_REASON_KINDS, 'Kind of reason (R8)')
  kind!: (typeof REPORT_REASON_KINDS)[number];

  @ApiPropertyOptional({
    type: String,
    description: 'The agreement reviewed as (partly) not fulfilled (kind agreement-not-fulfilled)',
  })
  @ValidateIf((o: ReportReasonDto) => o.kind === 'agreement-not-fulfilled')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  agreementId?: string;

  @TextField('The documented reason (R8)', 4000)
  statement!: string;
}

export class MigrationsamtReportDto {
  @DateField('Day of the report')
  reportedOn!: string;

  @ApiProperty({ type: ReportReasonDto })
  @ValidateNested()
  @Type(() => ReportReasonDto)
  reason!: ReportReasonDto;
}

export class MigrationsamtReviewDto {
  @DateField('Day the Migrationsamt reviewed the integration')
  reviewedOn!: string;

  @TextField('Review notes (R6)', 4000)
  notes!: string;
}

export class MigrationsamtDecisionDto {
  @DateField('Day of the decision')
  decidedOn!: string;

  @ApiProperty({
    enum: DECISION_KINDS,
    description:
      'binding-agreement is refused for EU/EFTA nationals and family of Swiss (R10, R5): recommendation only',
  })
  @IsIn(DECISION_KINDS)
  kind!: (typeof DECISION_KINDS)[number];

  @OptionalEnumField(MEASURE_KINDS, 'Measure decided (kind measure)')
  measureKind?: (typeof MEASURE_KINDS)[number];

  @ApiPropertyOptional({ type: [AgreementGoalDto], description: 'Goals of the binding agreement or recommendation' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementGoalDto)
  goals?: AgreementGoalDto[];

  @OptionalDateField('Deadline of a binding agreement')
  dueOn?: string;

  @TextField('Statement of the decision', 4000)
  statement!: string;
}

export class FamilyOfSwissDto {
  @BoolField('Family member of a Swiss national (AIG Art. 42): excludes binding agreements (R5)')
  familyOfSwiss!: boolean;

  @TextField('Why', 2000)
  reason!: string;
}
