import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import {
  ART58A_CRITERIA,
  CRITERION_ASSESSMENTS,
  FINANCING_SOURCES,
  MEASURE_CATEGORIES,
  REVIEW_OUTCOMES,
} from '../../domain/index.js';
import { BoolField, DateField, EnumField, IntField, OptionalTextField, TextField } from './fields.js';
import { InterpreterDto } from './informieren.dto.js';

type Assessment = (typeof CRITERION_ASSESSMENTS)[number];

export class Art58aAssessmentDto {
  @EnumField(CRITERION_ASSESSMENTS, 'a: respect for public security and order')
  a!: Assessment;

  @EnumField(CRITERION_ASSESSMENTS, 'b: respect for the values of the Federal Constitution')
  b!: Assessment;

  @EnumField(CRITERION_ASSESSMENTS, 'c: language skills')
  c!: Assessment;

  @EnumField(CRITERION_ASSESSMENTS, 'd: participation in economic life or education')
  d!: Assessment;
}

export class Abs2Dto {
  @BoolField('Whether the circumstances of AIG Art. 58a Abs. 2 were considered (required before any escalation, R4)')
  considered!: boolean;

  @BoolField('Disability')
  disability!: boolean;

  @BoolField('Illness')
  illness!: boolean;

  @BoolField('Other weighty personal circumstances')
  otherWeightyCircumstances!: boolean;

  @ApiProperty({
    type: String,
    description: 'How the circumstances were weighed (required when considered)',
    maxLength: 4000,
  })
  @IsString()
  @MaxLength(4000)
  assessment!: string;
}

export class Abs2ConsiderationDto extends Abs2Dto {
  @DateField('Day of the consideration')
  on!: string;
}

export class IntegrationTalkDto {
  @DateField('Day of the integration talk')
  heldOn!: string;

  @TextField('Place', 200)
  place!: string;

  @ApiProperty({ type: InterpreterDto })
  @ValidateNested()
  @Type(() => InterpreterDto)
  interpreter!: InterpreterDto;

  @IntField('Duration in minutes', 1, 600)
  durationMinutes!: number;

  @ApiProperty({ type: Art58aAssessmentDto, description: 'Assessment along AIG Art. 58a Abs. 1 a–d (R4)' })
  @ValidateNested()
  @Type(() => Art58aAssessmentDto)
  assessment!: Art58aAssessmentDto;

  @ApiProperty({ type: Abs2Dto })
  @ValidateNested()
  @Type(() => Abs2Dto)
  abs2!: Abs2Dto;

  @OptionalTextField('Notes', 4000)
  notes?: string;
}

export class AgreementGoalDto {
  @EnumField(ART58A_CRITERIA, 'Art. 58a criterion the goal serves')
  criterion!: (typeof ART58A_CRITERIA)[number];

  @TextField('Goal', 1000)
  text!: string;
}

export class AgreementMeasureDto {
  @TextField('Measure', 1000)
  text!: string;

  @EnumField(MEASURE_CATEGORIES, 'Category')
  category!: (typeof MEASURE_CATEGORIES)[number];

  @DateField('Deadline of the measure')
  dueOn!: string;

  @ApiPropertyOptional({ type: String, description: 'A referral of this case that implements it' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  referralId?: string;
}

export class FinancingDto {
  @EnumField(FINANCING_SOURCES, 'Who pays')
  source!: (typeof FINANCING_SOURCES)[number];

  @ApiProperty({ type: String, maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  note!: string;
}

export class AgreementDto {
  @DateField('Day the municipal agreement was concluded (not binding; R6)')
  concludedOn!: string;

  @ApiProperty({ type: [AgreementGoalDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementGoalDto)
  goals!: AgreementGoalDto[];

  @ApiProperty({ type: [AgreementMeasureDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementMeasureDto)
  measures!: AgreementMeasureDto[];

  @ApiProperty({ type: FinancingDto })
  @ValidateNested()
  @Type(() => FinancingDto)
  financing!: FinancingDto;

  @DateField('Review date (after the conclusion, R5)', '2027-09-01')
  reviewOn!: string;
}

export class AgreementReviewDto {
  @DateField('Day of the review')
  reviewedOn!: string;

  @EnumField(REVIEW_OUTCOMES, 'Outcome')
  outcome!: (typeof REVIEW_OUTCOMES)[number];

  @TextField('Reasons for the outcome (R5)', 4000)
  reasons!: string;
}
