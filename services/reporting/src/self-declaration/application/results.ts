import type { DataSource } from 'typeorm';
import type { ReportingReference } from '../../shared/reference.js';
import { questionsOf, type Answer, type Question } from '../domain/questionnaire.js';
import type { Rounds } from './rounds.js';

export interface QuestionResult {
  key: string;
  label: string;
  type: Question['type'];
  answered: number;
  /** Per option (single, multi, yes/no): how many municipalities chose it, and their share of those who answered (%). */
  options?: { value: string; label: string; count: number; sharePercent: number }[];
  /** For numbers: sum, mean and median over the municipalities that answered. */
  numbers?: { sum: number; mean: number; median: number };
  /** The same question (by key) in the previous year's round, for year-over-year comparison. */
  previousYear?: Omit<QuestionResult, 'previousYear' | 'label' | 'type' | 'key'> & {
    year: number;
    questionnaireVersion: number;
  };
}

export interface RoundResults {
  roundId: string;
  year: number;
  questionnaireVersion: number;
  municipalities: number;
  byState: Record<string, number>;
  /** Submitted or accepted, of all municipalities (%). */
  shareSubmittedPercent: number;
  questions: QuestionResult[];
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);

/**
 * Results per question across the municipalities whose response is submitted or accepted, and the same question
 * a year earlier. Old rounds are read with the questionnaire version they answered, so a new version never makes
 * last year's answers unreadable.
 */
export class Results {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: Rounds,
    private readonly reference: ReportingReference,
  ) {}

  async of(roundId: string): Promise<RoundResults> {
    const { round, questionnaire } = await this.rounds.get(roundId);
    const all = this.reference.municipalities.size;
    const states: { state: string; n: number }[] = await this.dataSource.query(
      'SELECT state, count(*)::int AS n FROM sd_response WHERE round_id = $1 GROUP BY state',
      [round.id],
    );
    const byState: Record<string, number> = { 'not-started': all, draft: 0, submitted: 0, returned: 0, accepted: 0 };
    for (const s of states) byState[s.state] = s.n;
    byState['not-started'] = all - states.reduce((sum, s) => sum + s.n, 0);
    const current = await this.answers(round.id);
    const prev = await this.rounds.previous(this.dataSource.manager, round.year);
    const prevAnswers = prev ? await this.answers(prev.id) : [];
    const prevQuestions = prev
      ? new Map(questionsOf((await this.rounds.get(prev.id)).questionnaire.definition).map((q) => [q.key, q]))
      : new Map<string, Question>();
    return {
      roundId: round.id,
      year: round.year,
      questionnaireVersion: round.questionnaireVersion,
      municipalities: all,
      byState,
      shareSubmittedPercent: pct((byState['submitted'] ?? 0) + (byState['accepted'] ?? 0), all),
      questions: questionsOf(questionnaire.definition).map((q) => {
        const result: QuestionResult = {
          key: q.key,
          label: q.label,
          type: q.type,
          ...aggregate(
            q,
            current.map((a) => a[q.key]),
          ),
        };
        const old = prevQuestions.get(q.key);
        if (prev && old)
          result.previousYear = {
            year: prev.year,
            questionnaireVersion: prev.questionnaireVersion,
            ...aggregate(
              old,
              prevAnswers.map((a) => a[q.key]),
            ),
          };
        return result;
      }),
    };
  }

  private async answers(roundId: string): Promise<Record<string, Answer>[]> {
    const rows: { answers: Record<string, Answer> }[] = await this.dataSource.query(
      `SELECT answers FROM sd_response WHERE round_id = $1 AND state IN ('submitted', 'accepted')`,
      [roundId],
    );
    return rows.map((r) => r.answers);
  }
}

function aggregate(
  q: Question,
  raw: readonly (Answer | undefined)[],
): Pick<QuestionResult, 'answered' | 'options' | 'numbers'> {
  const given = raw.filter(
    (a): a is Answer => a !== undefined && a !== null && a !== '' && !(Array.isArray(a) && a.length === 0),
  );
  const answered = given.length;
  if (q.type === 'yesno') {
    const yes = given.filter((a) => a === true).length;
    return {
      answered,
      options: [
        { value: 'true', label: 'Ja', count: yes, sharePercent: pct(yes, answered) },
        { value: 'false', label: 'Nein', count: answered - yes, sharePercent: pct(answered - yes, answered) },
      ],
    };
  }
  if (q.type === 'single' || q.type === 'multi') {
    return {
      answered,
      options: (q.options ?? []).map((o) => {
        const count = given.filter((a) => (Array.isArray(a) ? a.includes(o.value) : a === o.value)).length;
        return { value: o.value, label: o.label, count, sharePercent: pct(count, answered) };
      }),
    };
  }
  if (q.type === 'number') {
    const ns = given.filter((a): a is number => typeof a === 'number').sort((a, b) => a - b);
    const sum = ns.reduce((s, n) => s + n, 0);
    const middle = ns.slice(Math.floor((ns.length - 1) / 2), Math.floor(ns.length / 2) + 1);
    const median = middle.length ? middle.reduce((s, n) => s + n, 0) / middle.length : 0;
    return { answered, numbers: { sum, mean: ns.length ? Math.round((sum / ns.length) * 10) / 10 : 0, median } };
  }
  return { answered };
}
