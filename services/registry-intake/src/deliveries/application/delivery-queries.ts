import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { hasRole, type Principal } from '@si/auth';
import { ProblemError } from '@si/http';
import { auditActor } from '../../shared/audit-actor.js';
import type { OutcomeEntry } from '../domain/index.js';
import { isReprocessable, type DeliveryRow } from '../infrastructure/delivery-row.js';
import {
  listDeliveries,
  visibleTo,
  type DeliveryFilter,
  type DeliveryVisibility,
  type ListCursor,
} from '../infrastructure/delivery-list.query.js';
import { DeliveryRepository } from '../infrastructure/delivery.repository.js';
import { OutcomeRepository } from '../infrastructure/outcome.repository.js';

export interface DeliveryView {
  id: string;
  messageId: string | null;
  status: string;
  source: string;
  sourceRef: string | null;
  municipality: number | null;
  senderId: string | null;
  eventElement: string | null;
  testDelivery: boolean | null;
  receivedAt: string;
  completedAt: string | null;
  submittedBy: string;
  eventsFound: number;
  emitted: number;
  skipped: number;
  ruleVersion: string | null;
  refusal: DeliveryRow['refusal'];
  /** True when POST …/reprocess can take the delivery (quarantined for a curable reason, bytes kept). */
  reprocessable: boolean;
  attempts: number;
  duplicates: number;
  bytes: number;
}

export interface DeliveryDetail extends DeliveryView {
  summary: DeliveryRow['summary'];
  notes: string[];
  sha256: string | null;
  lastDuplicateAt: string | null;
  /** The first log lines (all of them for small deliveries); more under …/outcomes. */
  outcomes: OutcomeEntry[];
  outcomesTotal: number;
}

export interface DeliveryPage {
  items: DeliveryView[];
  nextCursor: string | null;
}

const DETAIL_OUTCOMES = 100;

/** Reads of the delivery log. Deliveries hold personal data (in their bytes), so every read is audited. */
@Injectable()
export class DeliveryQueries {
  private readonly deliveries: DeliveryRepository;
  private readonly outcomes = new OutcomeRepository();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {
    this.deliveries = new DeliveryRepository(dataSource, 60);
  }

  async list(
    principal: Principal,
    filter: DeliveryFilter,
    limit: number,
    cursor: string | undefined,
    action = 'delivery.list',
  ): Promise<DeliveryPage> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await listDeliveries(this.dataSource, visibilityOf(principal), filter, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    await this.audit.recordAlone({
      actor: auditActor(principal),
      action,
      objectType: 'delivery',
      objectId: JSON.stringify(filter),
      outcome: 'granted',
      detail: { count: page.length, ids: page.map((r) => r.id) },
    });
    return {
      items: page.map(view),
      nextCursor: rows.length > limit && last ? encodeCursor({ receivedAt: last.receivedAtText, id: last.id }) : null,
    };
  }

  async get(principal: Principal, id: string): Promise<DeliveryDetail> {
    const row = await this.visible(principal, id, 'delivery.read');
    const page =
      row.status === 'processing'
        ? { items: [], total: 0, next: null }
        : await this.outcomes.page(this.dataSource, id, 0, DETAIL_OUTCOMES);
    await this.audited(principal, 'delivery.read', row);
    return {
      ...view(row),
      summary: row.summary,
      notes: row.notes,
      sha256: row.sha256,
      lastDuplicateAt: row.lastDuplicateAt,
      outcomes: page.items,
      outcomesTotal: page.total,
    };
  }

  async outcomesOf(
    principal: Principal,
    id: string,
    from: number,
    limit: number,
  ): Promise<{ items: OutcomeEntry[]; total: number; next: number | null }> {
    const row = await this.visible(principal, id, 'delivery.outcomes.read');
    // A delivery still being read shows no log lines: they may yet be discarded with the whole delivery.
    const page =
      row.status === 'processing'
        ? { items: [], total: 0, next: null }
        : await this.outcomes.page(this.dataSource, id, from, limit);
    await this.audited(principal, 'delivery.outcomes.read', row);
    return page;
  }

  /** The row if the principal may see it; 404 otherwise (a delivery outside one's scope does not exist for one). */
  async visible(principal: Principal, id: string, action: string): Promise<DeliveryRow> {
    const row = await this.deliveries.get(id);
    if (!row || !visibleTo(row, visibilityOf(principal))) {
      await this.audit.recordAlone({
        actor: auditActor(principal),
        action,
        objectType: 'delivery',
        objectId: id,
        outcome: 'denied',
      });
      throw new ProblemError({ status: 404, title: 'Not Found', detail: `no delivery ${id}` });
    }
    return row;
  }

  private async audited(principal: Principal, action: string, row: DeliveryRow): Promise<void> {
    await this.audit.recordAlone({
      actor: auditActor(principal),
      action,
      objectType: 'delivery',
      objectId: row.id,
      ...(row.municipality !== null ? { municipality: row.municipality } : {}),
      outcome: 'granted',
    });
  }
}

/** AGS sees every delivery; a register connector those it sent; an IB those of its municipalities and its own. */
export function visibilityOf(principal: Principal): DeliveryVisibility {
  if (hasRole(principal, 'ags')) return { all: true };
  const municipalities = hasRole(principal, 'gemeinde') ? principal.gemeinden : [];
  return { all: false, municipalities, subject: principal.subject };
}

export function view(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    messageId: row.messageId,
    status: row.status,
    source: row.source,
    sourceRef: row.sourceRef,
    municipality: row.municipality,
    senderId: row.senderId,
    eventElement: row.eventElement,
    testDelivery: row.testDelivery,
    receivedAt: new Date(row.receivedAt).toISOString(),
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
    submittedBy: row.submittedBy,
    eventsFound: row.records,
    emitted: row.emitted,
    skipped: row.skipped,
    ruleVersion: row.ruleVersion,
    refusal: row.refusal,
    reprocessable: isReprocessable(row),
    attempts: row.attempts,
    duplicates: row.duplicates,
    bytes: row.bytes,
  };
}

function encodeCursor(c: ListCursor): string {
  return Buffer.from(`${c.receivedAt}|${c.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): ListCursor {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !receivedAt ||
    !id ||
    !/^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/.test(receivedAt) ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw new ProblemError({ status: 400, title: 'Bad Request', detail: 'cursor is not one this API gave out' });
  }
  return { receivedAt, id };
}
