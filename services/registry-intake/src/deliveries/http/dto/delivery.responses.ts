import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeliveryAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty({ description: 'eCH events (or base-delivery persons) read' }) eventsFound!: number;
  @ApiProperty() emitted!: number;
  @ApiProperty() skipped!: number;
  @ApiPropertyOptional({ description: "BFS number of the delivery's municipality" }) municipality!: number | null;
}

export class DeliveryDuplicateDto {
  @ApiProperty({ format: 'uuid', description: 'The delivery under which the message was accepted first' }) id!: string;
  @ApiProperty({ enum: ['duplicate'] }) status!: 'duplicate';
}

export class RefusalIssueDto {
  @ApiProperty() line!: number;
  @ApiProperty() column!: number;
  @ApiProperty({ description: "The parser's or XSD validator's message" }) message!: string;
  @ApiPropertyOptional({ description: 'Element path of a schema error' }) path?: string;
}

export class RefusalDto {
  @ApiProperty({
    description: 'Why the delivery was refused, e.g. schema-invalid, unsupported-version, municipality-unknown',
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [RefusalIssueDto] }) issues!: RefusalIssueDto[];
}

export class DeliveryViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ description: 'eCH-0058 messageId' }) messageId!: string | null;
  @ApiProperty({ enum: ['processing', 'accepted', 'quarantined', 'superseded'] }) status!: string;
  @ApiProperty({ enum: ['http', 'sedex'] }) source!: string;
  @ApiPropertyOptional({ description: 'sedex envelope messageId' }) sourceRef!: string | null;
  @ApiPropertyOptional() municipality!: number | null;
  @ApiPropertyOptional() senderId!: string | null;
  @ApiPropertyOptional({ description: 'The eCH-0020 event element, e.g. moveIn or baseDelivery' }) eventElement!:
    string | null;
  @ApiPropertyOptional() testDelivery!: boolean | null;
  @ApiProperty() receivedAt!: string;
  @ApiPropertyOptional() completedAt!: string | null;
  @ApiProperty({ description: 'Username of the submitter (or the sedex inbox)' }) submittedBy!: string;
  @ApiProperty() eventsFound!: number;
  @ApiProperty() emitted!: number;
  @ApiProperty() skipped!: number;
  @ApiPropertyOptional({ description: 'Target-group rule version the delivery was decided under' }) ruleVersion!:
    string | null;
  @ApiPropertyOptional({ type: RefusalDto }) refusal!: RefusalDto | null;
  @ApiProperty() reprocessable!: boolean;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'Later deliveries of the same message, answered as duplicates' }) duplicates!: number;
  @ApiProperty() bytes!: number;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryViewDto] }) items!: DeliveryViewDto[];
  @ApiPropertyOptional() nextCursor!: string | null;
}

export class OutcomeDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'eCH-0020 event, e.g. moveIn' }) echEvent!: string;
  @ApiProperty() line!: number;
  @ApiProperty({ enum: ['emit', 'skip'] }) action!: string;
  @ApiPropertyOptional() eventType!: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) eventId!: string | null;
  @ApiPropertyOptional({ description: 'Pseudonymous person reference' }) personRef!: string | null;
  @ApiPropertyOptional({ description: 'Skip reason, e.g. swiss-citizen, outside-canton, not-used' }) reason!:
    string | null;
  @ApiPropertyOptional() detail!: string | null;
  @ApiProperty({ type: [String] }) notes!: string[];
  @ApiPropertyOptional({ description: 'Arrivals and registrations: rule version and decision' }) targetGroup!: Record<
    string,
    unknown
  > | null;
}

export class DeliveryDetailDto extends DeliveryViewDto {
  @ApiProperty({ description: 'Counts per emitted event type, per skip reason and per target-group decision' })
  summary!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Notes on the delivery as a whole, e.g. a municipality matched by name' })
  notes!: string[];
  @ApiPropertyOptional() sha256!: string | null;
  @ApiPropertyOptional() lastDuplicateAt!: string | null;
  @ApiProperty({ type: [OutcomeDto], description: 'The first 100 log lines; more under /outcomes' })
  outcomes!: OutcomeDto[];
  @ApiProperty() outcomesTotal!: number;
}

export class OutcomePageDto {
  @ApiProperty({ type: [OutcomeDto] }) items!: OutcomeDto[];
  @ApiProperty() total!: number;
  @ApiPropertyOptional({ description: 'Pass as from for the next page' }) next!: number | null;
}

export class ReprocessResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['accepted', 'quarantined'] }) status!: string;
  @ApiPropertyOptional() eventsFound?: number;
  @ApiPropertyOptional() emitted?: number;
  @ApiPropertyOptional() skipped?: number;
  @ApiPropertyOptional({ type: RefusalDto }) refusal?: RefusalDto;
}
