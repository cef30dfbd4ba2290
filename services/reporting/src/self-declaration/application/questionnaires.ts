import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActorOf } from '@si/audit';
import type { Principal } from '@si/auth';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import { assertValid, questionnaireViolations, type QuestionnaireDefinition } from '../domain/questionnaire.js';

export interface QuestionnaireView {
  id: string;
  year: number;
  version: number;
  status: 'draft' | 'published';
  definition: QuestionnaireDefinition;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

const view = (r: Record<string, unknown>): QuestionnaireView => ({
  id: String(r['id']),
  year: Number(r['year']),
  version: Number(r['version']),
  status: r['status'] as QuestionnaireView['status'],
  definition: r['definition'] as QuestionnaireDefinition,
  createdBy: String(r['created_by']),
  createdAt: new Date(String(r['created_at'])).toISOString(),
  publishedAt: r['published_at'] ? new Date(String(r['published_at'])).toISOString() : null,
});

export function questionnaireNotFound(id: string): ReportingRefusal {
  return new ReportingRefusal(
    'SD1',
    'questionnaire-not-found',
    { de: `Es gibt keinen Fragebogen ${id}.`, en: `There is no questionnaire ${id}.` },
    'not-found',
    { id },
  );
}

/**
 * AGS's questionnaires (point 7): a draft per year gets version n+1; a draft may be changed, a published version
 * never (SD1; the database refuses it too), so old answers stay readable against the version they answered.
 */
export class Questionnaires {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(
    p: Principal,
    year: number,
    definition: QuestionnaireDefinition,
    now: string,
  ): Promise<QuestionnaireView> {
    assertValid(questionnaireViolations(definition), 'Fragebogen');
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(7421015, $1)', [year]);
      const [{ v }] = await em.query(
        'SELECT coalesce(max(version), 0) + 1 AS v FROM sd_questionnaire WHERE year = $1',
        [year],
      );
      const id = randomUUID();
      await em.query(
        `INSERT INTO sd_questionnaire (id, year, version, status, definition, created_by, created_at) VALUES ($1, $2, $3, 'draft', $4, $5, $6)`,
        [id, year, v, JSON.stringify(definition), p.username, now],
      );
      await this.audit.record(em, {
        actor: auditActorOf(p),
        action: 'questionnaire.create',
        objectType: 'questionnaire',
        objectId: id,
        outcome: 'granted',
        detail: { year, version: Number(v) },
      });
      return this.found(em, id);
    });
  }

  async update(p: Principal, id: string, definition: QuestionnaireDefinition): Promise<QuestionnaireView> {
    assertValid(questionnaireViolations(definition), 'Fragebogen');
    return this.dataSource.transaction(async (em) => {
      const current = await this.find(em, id, true);
      if (!current) throw questionnaireNotFound(id);
      if (current.status === 'published') throw frozen(id);
      await em.query('UPDATE sd_questionnaire SET definition = $2 WHERE id = $1', [id, JSON.stringify(definition)]);
      await this.audit.record(em, {
        actor: auditActorOf(p),
        action: 'questionnaire.update',
        objectType: 'questionnaire',
        objectId: id,
        outcome: 'granted',
      });
      return this.found(em, id);
    });
  }

  async publish(p: Principal, id: string, now: string): Promise<QuestionnaireView> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.find(em, id, true);
      if (!current) throw questionnaireNotFound(id);
      if (current.status === 'published') throw frozen(id);
      await em.query(`UPDATE sd_questionnaire SET status = 'published', published_at = $2 WHERE id = $1`, [id, now]);
      await this.audit.record(em, {
        actor: auditActorOf(p),
        action: 'questionnaire.publish',
        objectType: 'questionnaire',
        objectId: id,
        outcome: 'granted',
      });
      return this.found(em, id);
    });
  }

  async list(): Promise<QuestionnaireView[]> {
    const rows = await this.dataSource.query('SELECT * FROM sd_questionnaire ORDER BY year, version');
    return rows.map(view);
  }

  async get(id: string): Promise<QuestionnaireView> {
    const q = await this.find(this.dataSource.manager, id);
    if (!q) throw questionnaireNotFound(id);
    return q;
  }

  /** A questionnaire that must be there (just written, or named by a round): otherwise not found. */
  async found(em: EntityManager, id: string): Promise<QuestionnaireView> {
    const questionnaire = await this.find(em, id);
    if (!questionnaire) throw questionnaireNotFound(id);
    return questionnaire;
  }

  async find(em: EntityManager, id: string, lock = false): Promise<QuestionnaireView | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await em.query(`SELECT * FROM sd_questionnaire WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row ? view(row) : undefined;
  }
}

function frozen(id: string): ReportingRefusal {
  return new ReportingRefusal(
    'SD1',
    'questionnaire-published',
    {
      de: 'Ein veröffentlichter Fragebogen wird nicht mehr geändert: legen Sie eine neue Version an.',
      en: 'A published questionnaire is not changed any more: create a new version.',
    },
    'conflict',
    { id },
  );
}
