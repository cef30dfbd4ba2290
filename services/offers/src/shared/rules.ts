import { DomainError, type LocalisedMessage, type RefusalKind } from '@si/kernel';

/**
 * The rules of the Angebotsplattform and the Mentoring-Pools (issue 12; shared/research/wave2-domain.md §5, §6).
 * A refusal names one of them in problem+json `rule`, so a provider or coordinator reads why.
 */
export const RULES = {
  OF1: 'An offer is complete and well-formed: every field named in the request is valid (problem names the field)',
  OF2: 'An offer has its text (title, summary, description) in its original language',
  OF3: 'A CEFR level range belongs to language offers only and goes from the lower to the higher level',
  OF4: 'An offer ends on or after its start; its registration deadline is not after its end',
  OF5: 'An offer takes place somewhere: at least one location in a Solothurn municipality, or online',
  OF6: 'A reduced price is below the full price; money is in integer Rappen',
  OF7: 'Provider staff keep only the offers of their own provider',
  OF8: 'Only AGS reviews, publishes, sends back and withdraws; an officer may publish offers held in their municipalities only',
  OF9: 'An offer moves only along its lifecycle: draft → in review → published | sent back; published → withdrawn | expired',
  OF10: 'Sending an offer back needs a comment for the provider',
  OF11: 'Only published, current offers are shown publicly, without internal fields',
  OF12: 'A public search is bounded: query length, page size and filters within their limits',
  PA1: 'A provider confirms participation only for referrals to its own offers',
  PA2: 'A participation moves forward only: enrolled → attending → completed | dropped out',
  MP1: 'A Mentoring-Pool is run by its coordinators only; officers and Sozialregionen send requests to the pool of their region',
  MP2: 'A mentor takes part only with recorded consent (date); without it no suggestion names them',
  MP3: 'A suggestion never breaks a hard constraint (shared language, gender preference, availability, capacity)',
  MP4: 'A tandem moves proposed → active → ended (with reason and outcome); a mentor is never over capacity',
} as const;

export type RuleId = keyof typeof RULES;

/** Every refusal of this service; @si/http maps the kind to a status. */
export class OffersDomainError extends DomainError {
  constructor(
    override readonly ruleId: RuleId,
    code: string,
    messages: LocalisedMessage,
    kind: RefusalKind,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(ruleId, code, messages, kind, details);
  }

  get rule(): string {
    return RULES[this.ruleId];
  }
}

/** One field that is wrong, as a JSON pointer into the request body. */
export interface FieldProblem {
  readonly pointer: string;
  readonly message: string;
}

/** Input that breaks a field rule; `fields` name each wrong field (problem+json `errors`). */
export class InvalidFieldsError extends OffersDomainError {
  constructor(
    ruleId: RuleId,
    readonly fields: readonly FieldProblem[],
  ) {
    super(
      ruleId,
      'invalid-fields',
      {
        de: `Ungültige Angaben: ${fields.map((f) => f.pointer).join(', ')}`,
        en: fields.map((f) => `${f.pointer}: ${f.message}`).join('; '),
      },
      'unprocessable',
      { errors: fields },
    );
  }
}

export class NotFoundError extends OffersDomainError {
  constructor(what: string, id: string) {
    super(
      'OF7',
      `${what.toLowerCase()}-not-found`,
      { de: `${what} «${id}» nicht gefunden.`, en: `${what} "${id}" not found in your scope.` },
      'not-found',
      { id },
    );
  }
}

export function refuse(
  ruleId: RuleId,
  code: string,
  de: string,
  en: string,
  kind: RefusalKind,
  details: Record<string, unknown> = {},
): never {
  throw new OffersDomainError(ruleId, code, { de, en }, kind, details);
}
