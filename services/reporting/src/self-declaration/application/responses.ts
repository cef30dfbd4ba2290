import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActorOf } from '@si/audit';
import type { Principal } from '@si/auth';
import type { FigureQueries } from '../../figures/application/figure-queries.js';
import { figureOf } from '../../figures/domain/catalogue.js';
import { parsePeriod } from '../../figures/domain/period.js';
import type { ReportingReference } from '../../shared/reference.js';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import {
  answerViolations,
  assertValid,
  questionsOf,
  type Answer,
  type Answers,
  type Question,
} from '../domain/questionnaire.js';
import { transition, type ResponseAction, type ResponseState } from '../domain/response-state.js';
import type { Questionnaires } from './questionnaires.js';
import { roundNotFound, type Rounds, type RoundView } from './rounds.js';

export interface ResponseSummary {
  municipality: number;
  name: string;
  state: ResponseState;
  submittedAt: string | null;
  late: boolean;
}

export interface ResponseView extends ResponseSummary {
  roundId: string;
  year: number;
  deadline: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
  /** Where each prefilled answer of a draft not yet saved comes from. */
  prefilledFrom: Record<string, 'previous-year' | 'platform'>;
  /** Answered by the Leitgemeinde's IB for a member municipality (flagged, wave2-domain §7.2). */
  answeredByLeitgemeinde: boolean;
  comment: string | null;
  history: { at: string; actor: string; action: string; state: string; comment: string | null }[];
  reminders: { kind: string; dueOn: string; sentAt: string }[];
}

/**
 * The municipalities' responses (point 7): a draft prefilled from last year's answers and from the platform
 * (organisation model, figures), saved and submitted by the IB of the municipality (or its Leitgemeinde),
 * returned with a comment or accepted by AGS (SD3). Every step is in the response's history and the audit log.
 */
export class Responses {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: Rounds,
    private readonly questionnaires: Questionnaires,
    private readonly figures: FigureQueries,
    private readonly reference: ReportingReference,
    private readonly audit: AuditLog,
  ) {}

  async list(p: Principal, roundId: string): Promise<ResponseSummary[]> {
    const { round } = await this.rounds.get(roundId);
    const visible = this.visibleMunicipalities(p);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT municipality, state, submitted_at FROM sd_response WHERE round_id = $1',
      [round.id],
    );
    const byBfs = new Map(rows.map((r) => [Number(r['municipality']), r]));
    return visible.map((bfs) => {
      const r = byBfs.get(bfs);
      const submittedAt = r?.['submitted_at'] ? new Date(String(r['submitted_at'])).toISOString() : null;
      return {
        municipality: bfs,
        name: this.reference.nameOf(bfs),
        state: (r?.['state'] as ResponseState | undefined) ?? 'not-started',
        submittedAt,
        late: late(submittedAt, round.deadline),
      };
    });
  }

  async get(p: Principal, roundId: string, bfs: number, today: string): Promise<ResponseView> {
    this.assertMayRead(p, bfs);
    const view = await this.load(this.dataSource.manager, roundId, bfs, today);
    await this.audit.recordAlone({
      actor: auditActorOf(p),
      action: 'self-declaration.read',
      objectType: 'self-declaration',
      objectId: `${roundId}/${bfs}`,
      municipality: bfs,
      outcome: 'granted',
    });
    return view;
  }

  async save(
    p: Principal,
    roundId: string,
    bfs: number,
    answers: Answers,
    now: string,
    today: string,
  ): Promise<ResponseView> {
    return this.step(p, roundId, bfs, 'save', now, today, async (em, round, view) => {
      const { questionnaire } = await this.rounds.get(round.id);
      assertValid(answerViolations(questionnaire.definition, answers, false), 'Antworten');
      return { answers, comment: view.comment };
    });
  }

  async submit(p: Principal, roundId: string, bfs: number, now: string, today: string): Promise<ResponseView> {
    return this.step(p, roundId, bfs, 'submit', now, today, async (em, round, view) => {
      const { questionnaire } = await this.rounds.get(round.id);
      assertValid(answerViolations(questionnaire.definition, view.answers, true), 'Einreichung');
      return { answers: view.answers, comment: view.comment };
    });
  }

  async decide(
    p: Principal,
    roundId: string,
    bfs: number,
    action: 'return' | 'accept',
    comment: string | undefined,
    now: string,
    today: string,
  ): Promise<ResponseView> {
    if (action === 'return' && !comment?.trim()) {
      throw new ReportingRefusal(
        'SD3',
        'comment-required',
        { de: 'Eine Rückweisung braucht einen Kommentar.', en: 'A return needs a comment.' },
        'unprocessable',
        { field: 'comment' },
      );
    }
    return this.step(p, roundId, bfs, action, now, today, async (_em, _round, view) => ({
      answers: view.answers,
      comment: comment?.trim() || null,
    }));
  }

  private async step(
    p: Principal,
    roundId: string,
    bfs: number,
    action: ResponseAction,
    now: string,
    today: string,
    apply: (
      em: EntityManager,
      round: RoundView,
      view: ResponseView,
    ) => Promise<{ answers: Answers; comment: string | null }>,
  ): Promise<ResponseView> {
    if (action === 'return' || action === 'accept') this.assertAgs(p);
    else this.assertMayAnswer(p, bfs);
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sd:${roundId}:${bfs}`]);
      const view = await this.load(em, roundId, bfs, today);
      const round = await this.rounds.found(em, roundId);
      const state = transition(view.state, action);
      const { answers, comment } = await apply(em, round, view);
      await em.query(
        `INSERT INTO sd_response (round_id, municipality, state, answers, comment, updated_by, updated_at, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $3 = 'submitted' THEN $7::timestamptz END)
         ON CONFLICT (round_id, municipality) DO UPDATE SET state = EXCLUDED.state, answers = EXCLUDED.answers, comment = EXCLUDED.comment,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at, submitted_at = coalesce(EXCLUDED.submitted_at, sd_response.submitted_at)`,
        [roundId, bfs, state, JSON.stringify(answers), comment, p.username, now],
      );
      await em.query(
        'INSERT INTO sd_response_event (round_id, municipality, at, actor, action, state, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [roundId, bfs, now, p.username, action, state, action === 'return' || action === 'accept' ? comment : null],
      );
      await this.audit.record(em, {
        actor: auditActorOf(p),
        action: `self-declaration.${action}`,
        objectType: 'self-declaration',
        objectId: `${roundId}/${bfs}`,
        municipality: bfs,
        outcome: 'granted',
        detail: { state },
      });
      return this.load(em, roundId, bfs, today);
    });
  }

  private async load(em: EntityManager, roundId: string, bfs: number, today: string): Promise<ResponseView> {
    const round = await this.rounds.find(em, roundId);
    if (!round) throw roundNotFound(roundId);
    if (!this.reference.municipalities.has(bfs)) {
      throw new ReportingRefusal(
        'SD4',
        'not-a-municipality',
        { de: `BFS ${bfs} ist keine Solothurner Gemeinde.`, en: `BFS ${bfs} is not a Solothurn municipality.` },
        'not-found',
        { municipality: bfs },
      );
    }
    const questionnaire = await this.questionnaires.found(em, round.questionnaireId);
    const [row] = await em.query(`SELECT * FROM sd_response WHERE round_id = $1 AND municipality = $2`, [roundId, bfs]);
    const history = await em.query(
      `SELECT at, actor, action, state, comment FROM sd_response_event WHERE round_id = $1 AND municipality = $2 ORDER BY at`,
      [roundId, bfs],
    );
    const reminders = await em.query(
      `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, sent_at FROM sd_reminder WHERE round_id = $1 AND municipality = $2 ORDER BY due_on`,
      [roundId, bfs],
    );
    const unit = this.reference.responsibleUnit(bfs, today);
    const prefill = row
      ? { answers: row.answers as Answers, from: {} }
      : await this.prefill(em, round, questionsOf(questionnaire.definition), bfs, today);
    const submittedAt = row?.submitted_at ? new Date(row.submitted_at).toISOString() : null;
    return {
      roundId,
      year: round.year,
      deadline: round.deadline,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      municipality: bfs,
      name: this.reference.nameOf(bfs),
      state: row?.state ?? 'not-started',
      submittedAt,
      late: late(submittedAt, round.deadline),
      answers: prefill.answers,
      prefilledFrom: prefill.from,
      answeredByLeitgemeinde: unit !== bfs,
      comment: row?.comment ?? null,
      history: history.map((h: Record<string, unknown>) => ({
        at: new Date(String(h['at'])).toISOString(),
        actor: String(h['actor']),
        action: String(h['action']),
        state: String(h['state']),
        comment: (h['comment'] as string | null) ?? null,
      })),
      reminders: reminders.map((r: Record<string, unknown>) => ({
        kind: String(r['kind']),
        dueOn: String(r['due_on']),
        sentAt: new Date(String(r['sent_at'])).toISOString(),
      })),
    };
  }

  /** Last year's answer to the same question, unless the platform knows it better (organisation model, figures of the year). */
  private async prefill(
    em: EntityManager,
    round: RoundView,
    questions: readonly Question[],
    bfs: number,
    today: string,
  ): Promise<{ answers: Answers; from: Record<string, 'previous-year' | 'platform'> }> {
    const answers: Record<string, Answer> = {};
    const from: Record<string, 'previous-year' | 'platform'> = {};
    const previous = await this.rounds.previous(em, round.year);
    if (previous) {
      const [row] = await em.query(
        `SELECT answers FROM sd_response WHERE round_id = $1 AND municipality = $2 AND state IN ('submitted', 'accepted')`,
        [previous.id, bfs],
      );
      for (const q of questions)
        if (row?.answers && row.answers[q.key] !== undefined)
          [answers[q.key], from[q.key]] = [row.answers[q.key], 'previous-year'];
    }
    const figureKeys = questions.flatMap((q) =>
      q.prefill?.startsWith('figure:') ? [q.prefill.slice('figure:'.length)] : [],
    );
    const counts = new Map<string, number>();
    if (figureKeys.length) {
      const defs = figureKeys.flatMap((k) => figureOf(k) ?? []);
      const tables = await this.figures.compute(
        em,
        defs,
        { period: parsePeriod(String(round.year)), level: 'municipality', breakdown: null },
        { municipalities: [bfs], suppress: false },
      );
      for (const t of tables) counts.set(t.figure, t.rows[0]?.values.reduce<number>((s, v) => s + (v ?? 0), 0) ?? 0);
    }
    const unit = this.reference.responsibleUnit(bfs, today);
    for (const q of questions) {
      if (!q.prefill) continue;
      if (q.prefill === 'organisation-model')
        answers[q.key] =
          unit !== bfs ? 'member' : this.reference.membersOf(bfs, today).length > 1 ? 'leitgemeinde' : 'in-house';
      else if (q.prefill === 'leitgemeinde') answers[q.key] = unit !== bfs ? unit : null;
      else answers[q.key] = counts.get(q.prefill.slice('figure:'.length)) ?? 0;
      from[q.key] = 'platform';
    }
    return { answers, from };
  }

  private visibleMunicipalities(p: Principal): number[] {
    if (p.roles.includes('ags')) return [...this.reference.municipalities.keys()].sort((a, b) => a - b);
    return this.figures.scope(p).municipalities.slice();
  }

  private assertAgs(p: Principal): void {
    if (!p.roles.includes('ags')) throw outOfScope();
  }

  private assertMayRead(p: Principal, bfs: number): void {
    if (p.roles.includes('ags')) return;
    this.assertMayAnswer(p, bfs);
  }

  /** The IB of the municipality, or of its Leitgemeinde (R29); AGS reads and decides but never answers for a municipality. */
  private assertMayAnswer(p: Principal, bfs: number): void {
    if (!p.roles.includes('gemeinde') || !this.figures.scope(p).municipalities.includes(bfs)) throw outOfScope(bfs);
  }
}

function late(submittedAt: string | null, deadline: string): boolean {
  return submittedAt !== null && submittedAt.slice(0, 10) > deadline;
}

function outOfScope(bfs?: number): ReportingRefusal {
  return new ReportingRefusal(
    'SD3',
    'self-declaration-out-of-scope',
    {
      de: bfs
        ? `Sie können die Selbstdeklaration von BFS ${bfs} nicht bearbeiten.`
        : 'Nur AGS weist Selbstdeklarationen zurück oder nimmt sie an.',
      en: bfs
        ? `You may not act on the self-declaration of BFS ${bfs}.`
        : 'Only AGS returns or accepts self-declarations.',
    },
    'forbidden',
    bfs ? { municipality: bfs } : {},
  );
}
