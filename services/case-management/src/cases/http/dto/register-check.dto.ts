import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES } from '../../domain/index.js';

export class PartialDeliveryDto {
  @ApiProperty({ type: String, nullable: true }) uniqueIdDelivery!: string | null;
  @ApiProperty({ type: Number, nullable: true }) totalNumberOfPackages!: number | null;
  @ApiProperty({ type: Number, nullable: true }) numberOfActualPackage!: number | null;
}

export class RegisterCheckCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() personRef!: string;
  @ApiProperty({ format: 'date' }) registrationDate!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: 'For the IB only (AGS sees no names)' }) officialName?: string;
  @ApiPropertyOptional({ description: 'For the IB only' }) firstName?: string;
}

export class RegisterCheckDto {
  @ApiProperty({ description: 'BFS number' }) municipality!: number;
  @ApiProperty({ description: 'eCH-0058 messageId of the latest complete base delivery' }) messageId!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: "The day the register's state refers to" })
  eventDate!: string | null;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({ description: 'Persons in the delivery' }) persons!: number;
  @ApiProperty({ description: 'Foreign main residents in it (person.registered.v1 events)' }) registered!: number;
  @ApiProperty({ description: 'Of those, applied here so far' }) seen!: number;
  @ApiProperty({
    description:
      'All of it applied, and a whole register (sent in one message, or every package of a partial delivery joined) rather than one package alone: only then is the list complete',
  })
  conclusive!: boolean;
  @ApiProperty({ type: PartialDeliveryDto, nullable: true }) partialDelivery!: PartialDeliveryDto | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      'eCH-0058 messageIds of the packages of a joined partial delivery, in package order; null for a register sent as one message',
  })
  packageMessageIds!: string[] | null;
  @ApiProperty({
    type: [RegisterCheckCaseDto],
    description: "Live cases registered by the delivery's date whose person it does not list",
  })
  cases!: RegisterCheckCaseDto[];
}
