import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_PHASES, CASE_STATUSES } from '../../domain/index.js';
import type { CaseDetailForAgs, CaseDetailForIb, CaseDetailForSozialregion } from '../../application/case-view.js';

/** Response shapes, for the OpenAPI document (the handlers return plain objects of these shapes). */
export class WorkListPersonDto {
  @ApiProperty() personRef!: string;
  @ApiProperty() officialName!: string;
  @ApiProperty() firstName!: string;
}

export class NationalityDto {
  @ApiProperty({ description: 'BFS country code' }) bfsCode!: number;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166 alpha-2' }) iso2!: string | null;
}

export class WorkListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'BFS number of the residence municipality (a Leitgemeinde member keeps its own)' })
  municipality!: number;
  @ApiProperty({ enum: CASE_PHASES }) phase!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: WorkListPersonDto, nullable: true, description: 'null for AGS (pseudonymous view)' })
  person!: WorkListPersonDto | null;
  @ApiProperty({ type: String, nullable: true }) householdRef!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Next date to act on' }) due!:
    string | null;
  @ApiProperty({ type: String, enum: ['first-information', 'agreement-review'], nullable: true }) dueKind!:
    string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) firstInformationDue!: string | null;
  @ApiProperty({ enum: ['pending', 'suspended', 'met'] }) firstInformationDeadline!: string;
  @ApiProperty({ format: 'date' }) registrationDate!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: NationalityDto }) nationality!: NationalityDto;
  @ApiProperty({ type: String, nullable: true }) language!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Sozialregion a hand-over is requested from or the case is at',
  })
  sozialregion!: string | null;
}

export class WorkListPageDto {
  @ApiProperty({ type: [WorkListItemDto] }) items!: WorkListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() limit!: number;
}

export class HistoryEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ description: 'Actor (token subject or producing service); not shown to Sozialregion and AGS' })
  actorId?: string;
  @ApiProperty({ enum: ['gemeinde', 'sozialregion', 'ags', 'migrationsamt', 'system'] }) role!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

/** The case as the caller's role may see it (see the operation description); nested records follow the domain model. */
export class CaseDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Optimistic version, +1 per change' }) version!: number;
  @ApiProperty() municipality!: number;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '"at Sozialregion X" once dfpa.case-accepted.v1 came back',
  })
  atSozialregion!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) handover!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sozialregion of the current or last DFPA hand-over' })
  sozialregion!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['requested', 'accepted', 'assessment-done', 'plan-active', 'closed', 'rejected', 'returned'],
    description: 'Coarse DFPA status (R25): never the assessment or the plan',
  })
  dfpaStatus!: string | null;
  @ApiProperty({ format: 'date' }) registrationDate!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'due, suspensions, extensions, status' })
  firstInformationDeadline!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Names and identification; null for AGS',
  })
  person!: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) firstInformation?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) referrals?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) integrationTalks?: unknown[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Art. 58a Abs. 2 (health): IB and Migrationsamt only',
  })
  abs2Considerations?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) agreements?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) reports?: unknown[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Cases of the same household the caller may see',
  })
  household?: unknown[];
  @ApiProperty({ type: [HistoryEntryDto] }) history!: HistoryEntryDto[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) arrivalDate!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Reason, date and note once closed',
  })
  closure!: Record<string, unknown> | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'AGS only: nationality and EU/EFTA, without names',
  })
  subject?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Ended DFPA hand-overs' })
  pastHandovers?: unknown[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Moves to another Solothurn municipality',
  })
  transfers?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Deadline reminders sent' })
  reminders?: unknown[];
}

/** The role views (application/case-view.ts) and this documented shape: a field a view carries must be documented here. */
type Undocumented = Exclude<
  keyof CaseDetailForIb | keyof CaseDetailForSozialregion | keyof CaseDetailForAgs,
  keyof CaseDetailDto
>;
export const everyViewFieldIsDocumented: [Undocumented] extends [never] ? true : { undocumented: Undocumented } = true;

export class ProblemDto {
  @ApiProperty({ example: 'urn:start-integration:problem:binding-agreement-not-allowed' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ description: 'The rule that refused the request (R1–R31, CM1–CM7)', example: 'R10' })
  rule?: string;
  @ApiPropertyOptional() ruleText?: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() correlationId?: string;
}
