import { ReportingRefusal } from '../../shared/reporting-refusal.js';

/** A municipality's response in a round: draft → submitted → (returned → submitted)* → accepted. */
export const RESPONSE_STATES = ['not-started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];
export type ResponseAction = 'save' | 'submit' | 'return' | 'accept';

const FROM: Record<ResponseAction, readonly ResponseState[]> = {
  save: ['not-started', 'draft', 'returned'],
  submit: ['not-started', 'draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
};
const TO: Record<ResponseAction, (from: ResponseState) => ResponseState> = {
  save: (from) => (from === 'returned' ? 'returned' : 'draft'),
  submit: () => 'submitted',
  return: () => 'returned',
  accept: () => 'accepted',
};

/** The state after `action`, or a refusal naming SD3 (conflict: not in this state). */
export function transition(from: ResponseState, action: ResponseAction): ResponseState {
  if (!FROM[action].includes(from)) {
    throw new ReportingRefusal(
      'SD3',
      'response-state',
      {
        de: `Eine Selbstdeklaration im Zustand «${from}» kann nicht ${{ save: 'bearbeitet', submit: 'eingereicht', return: 'zurückgewiesen', accept: 'angenommen' }[action]} werden.`,
        en: `A self-declaration in state "${from}" cannot be ${{ save: 'edited', submit: 'submitted', return: 'returned', accept: 'accepted' }[action]}.`,
      },
      'conflict',
      { state: from, action },
    );
  }
  return TO[action](from);
}

/** Reminders before and after a round's deadline (wave2-domain §7.2): 14 and 3 days before, 1 day after. */
export const REMINDERS = [
  { kind: 'd-14', offsetDays: -14 },
  { kind: 'd-3', offsetDays: -3 },
  { kind: 'd+1', offsetDays: 1 },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A response still owes the canton something while it is neither submitted nor accepted. */
export function isOutstanding(state: ResponseState): boolean {
  return state === 'not-started' || state === 'draft' || state === 'returned';
}
