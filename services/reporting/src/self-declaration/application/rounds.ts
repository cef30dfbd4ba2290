import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActorOf } from '@si/audit';
import type { Principal } from '@si/auth';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import { questionnaireNotFound, type Questionnaires, type QuestionnaireView } from './questionnaires.js';

export interface RoundView {
  id: string;
  year: number;
  questionnaireId: string;
  questionnaireVersion: number;
  deadline: string;
  openedBy: string;
  openedAt: string;
}

export function roundNotFound(id: string): ReportingRefusal {
  return new ReportingRefusal(
    'SD4',
    'round-not-found',
    { de: `Es gibt keine Runde ${id}.`, en: `There is no round ${id}.` },
    'not-found',
    { id },
  );
}

/** AGS opens one round per year on a published questionnaire with a deadline (SD4); reminders are then scheduled. */
export class Rounds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly questionnaires: Questionnaires,
    private readonly audit: AuditLog,
    private readonly onOpened: (round: RoundView) => Promise<void>,
  ) {}

  async open(
    p: Principal,
    input: { year: number; questionnaireId: string; deadline: string },
    now: string,
    today: string,
  ): Promise<RoundView> {
    if (input.deadline <= today) {
      throw new ReportingRefusal(
        'SD4',
        'deadline-past',
        {
          de: `Die Frist ${input.deadline} liegt nicht in der Zukunft.`,
          en: `The deadline ${input.deadline} is not in the future.`,
        },
        'unprocessable',
        { field: 'deadline' },
      );
    }
    const round = await this.dataSource.transaction(async (em) => {
      const q = await this.questionnaires.find(em, input.questionnaireId);
      if (!q) throw questionnaireNotFound(input.questionnaireId);
      if (q.status !== 'published') {
        throw new ReportingRefusal(
          'SD1',
          'questionnaire-not-published',
          {
            de: 'Eine Runde braucht einen veröffentlichten Fragebogen.',
            en: 'A round needs a published questionnaire.',
          },
          'conflict',
          { questionnaireId: q.id },
        );
      }
      const [existing] = await em.query('SELECT id FROM sd_round WHERE year = $1', [input.year]);
      if (existing) {
        throw new ReportingRefusal(
          'SD4',
          'round-exists',
          {
            de: `Für ${input.year} ist bereits eine Runde eröffnet.`,
            en: `A round for ${input.year} is already open.`,
          },
          'conflict',
          { year: input.year, roundId: existing.id },
        );
      }
      const id = randomUUID();
      await em.query(
        'INSERT INTO sd_round (id, year, questionnaire_id, deadline, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, input.year, q.id, input.deadline, p.username, now],
      );
      await this.audit.record(em, {
        actor: auditActorOf(p),
        action: 'self-declaration.round-open',
        objectType: 'self-declaration-round',
        objectId: id,
        outcome: 'granted',
        detail: { year: input.year, deadline: input.deadline },
      });
      return this.found(em, id);
    });
    await this.onOpened(round);
    return round;
  }

  async list(): Promise<RoundView[]> {
    const rows = await this.dataSource.query(
      `SELECT r.*, to_char(r.deadline, 'YYYY-MM-DD') AS deadline_text, q.version FROM sd_round r JOIN sd_questionnaire q ON q.id = r.questionnaire_id ORDER BY r.year`,
    );
    return rows.map(roundView);
  }

  async get(id: string): Promise<{ round: RoundView; questionnaire: QuestionnaireView }> {
    const round = await this.find(this.dataSource.manager, id);
    if (!round) throw roundNotFound(id);
    return { round, questionnaire: await this.questionnaires.found(this.dataSource.manager, round.questionnaireId) };
  }

  /** A round that must be there (just written, or named by a response): otherwise not found. */
  async found(em: EntityManager, id: string): Promise<RoundView> {
    const round = await this.find(em, id);
    if (!round) throw roundNotFound(id);
    return round;
  }

  async find(em: EntityManager, id: string): Promise<RoundView | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await em.query(
      `SELECT r.*, to_char(r.deadline, 'YYYY-MM-DD') AS deadline_text, q.version FROM sd_round r JOIN sd_questionnaire q ON q.id = r.questionnaire_id WHERE r.id = $1`,
      [id],
    );
    return row ? roundView(row) : undefined;
  }

  /** The round of the year before, for prefills and year-over-year results. */
  async previous(em: EntityManager, year: number): Promise<RoundView | undefined> {
    const [row] = await em.query(
      `SELECT r.*, to_char(r.deadline, 'YYYY-MM-DD') AS deadline_text, q.version FROM sd_round r JOIN sd_questionnaire q ON q.id = r.questionnaire_id WHERE r.year < $1 ORDER BY r.year DESC LIMIT 1`,
      [year],
    );
    return row ? roundView(row) : undefined;
  }
}

const roundView = (r: Record<string, unknown>): RoundView => ({
  id: String(r['id']),
  year: Number(r['year']),
  questionnaireId: String(r['questionnaire_id']),
  questionnaireVersion: Number(r['version']),
  deadline: String(r['deadline_text']),
  openedBy: String(r['opened_by']),
  openedAt: new Date(String(r['opened_at'])).toISOString(),
});
