import { DomainError, type LocalisedMessage, type RefusalKind } from '@si/kernel';
import { RULES, type RuleId } from './rule-ids.js';

// The shared base (rule, code, de/en messages, kind) is in @si/kernel; @si/http maps the kind to a status.
export type { LocalisedMessage, RefusalKind };

/**
 * Every refusal of the domain. Carries the rule that refused (problem+json `rule`), a stable `code`
 * (problem `type` suffix), messages in de and en, and optional details for the problem body.
 */
export class CaseDomainError extends DomainError {
  constructor(
    override readonly ruleId: RuleId,
    code: string,
    messages: LocalisedMessage,
    kind: RefusalKind,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(ruleId, code, messages, kind, details);
  }

  /** The rule's one-line statement from the catalogue, for the problem's `detail`. */
  get rule(): string {
    return RULES[this.ruleId];
  }
}

/** The state machine table has no row for this command in the case's current status or phase. */
export class TransitionRefusedError extends CaseDomainError {
  constructor(ruleId: RuleId, command: string, status: string, phase: string, messages?: LocalisedMessage) {
    super(
      ruleId,
      'transition-refused',
      messages ?? {
        de: `«${command}» ist im Status «${status}» (Phase «${phase}») nicht erlaubt.`,
        en: `"${command}" is not allowed in status "${status}" (phase "${phase}").`,
      },
      'conflict',
      { command, status, phase },
    );
  }
}

export class CaseClosedError extends CaseDomainError {
  constructor(command: string) {
    super(
      'CM1',
      'case-closed',
      {
        de: `Der Fall ist abgeschlossen; «${command}» ist nicht mehr möglich.`,
        en: `The case is closed; "${command}" is no longer possible.`,
      },
      'conflict',
      { command },
    );
  }
}

export class RoleNotAllowedError extends CaseDomainError {
  constructor(ruleId: RuleId, command: string, role: string, allowed: readonly string[]) {
    super(
      ruleId,
      'role-not-allowed',
      {
        de: `Die Rolle «${role}» darf «${command}» nicht ausführen (erlaubt: ${allowed.join(', ')}).`,
        en: `Role "${role}" may not perform "${command}" (allowed: ${allowed.join(', ')}).`,
      },
      'forbidden',
      { command, role, allowed },
    );
  }
}

/** Malformed or incomplete input that the HTTP/message edge should already have caught. */
export class InvalidCommandError extends CaseDomainError {
  constructor(field: string, de: string, en: string, ruleId: RuleId = 'CM7') {
    super(ruleId, 'invalid-command', { de: `${field}: ${de}`, en: `${field}: ${en}` }, 'unprocessable', { field });
  }
}

/** AIG Art. 58b Abs. 4 / free movement: recommendation only. */
export class BindingAgreementNotAllowedError extends CaseDomainError {
  constructor(reason: 'eu-efta' | 'family-of-swiss') {
    super(
      reason === 'eu-efta' ? 'R10' : 'R5',
      'binding-agreement-not-allowed',
      reason === 'eu-efta'
        ? {
            de: 'Mit Personen, die unter das Freizügigkeitsabkommen EU/EFTA fallen, kann keine verbindliche Integrationsvereinbarung abgeschlossen werden (AIG Art. 58b Abs. 4). Möglich ist nur eine Integrationsempfehlung.',
            en: 'A binding integration agreement cannot be concluded with a person under the EU/EFTA free-movement agreement (AIG Art. 58b(4)). Only an integration recommendation is possible.',
          }
        : {
            de: 'Mit Familienangehörigen von Schweizerinnen und Schweizern (AIG Art. 42) kann keine verbindliche Integrationsvereinbarung abgeschlossen werden (AIG Art. 58b Abs. 4). Möglich ist nur eine Integrationsempfehlung.',
            en: 'A binding integration agreement cannot be concluded with a family member of a Swiss national (AIG Art. 42, Art. 58b(4)). Only an integration recommendation is possible.',
          },
      'unprocessable',
      { reason },
    );
  }
}

export class ReportReasonMissingError extends CaseDomainError {
  constructor(detail: LocalisedMessage) {
    super(
      'R8',
      'report-reason-missing',
      {
        de: `Eine Meldung an das Migrationsamt braucht einen dokumentierten Grund. ${detail.de}`,
        en: `A report to the Migrationsamt needs a documented reason. ${detail.en}`,
      },
      'unprocessable',
    );
  }
}

export class Abs2NotConsideredError extends CaseDomainError {
  constructor() {
    super(
      'R4',
      'abs2-not-considered',
      {
        de: 'Vor einer Meldung an das Migrationsamt müssen die Umstände nach AIG Art. 58a Abs. 2 (Behinderung, Krankheit, andere gewichtige persönliche Umstände) geprüft und festgehalten sein.',
        en: 'Before a report to the Migrationsamt the circumstances of AIG Art. 58a(2) (disability, illness, other weighty personal circumstances) must have been considered and recorded.',
      },
      'unprocessable',
    );
  }
}

export class CasePartNotFoundError extends CaseDomainError {
  constructor(part: string, id: string) {
    super(
      'CM7',
      'case-part-not-found',
      {
        de: `${part} «${id}» gehört nicht zu diesem Fall.`,
        en: `${part} "${id}" does not belong to this case.`,
      },
      'not-found',
      { part, id },
    );
  }
}
