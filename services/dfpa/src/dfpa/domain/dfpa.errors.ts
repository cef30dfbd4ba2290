import { DomainError, type LocalisedMessage, type RefusalKind } from '@si/kernel';
import { RULES, type RuleId } from './rules.js';

/** A refusal by a DFPA rule; the HTTP layer turns it into problem+json naming the rule. */
export class DfpaDomainError extends DomainError {
  constructor(
    ruleId: RuleId,
    code: string,
    messages: LocalisedMessage,
    kind: RefusalKind,
    details: Record<string, unknown> = {},
  ) {
    super(ruleId, code, messages, kind, details);
  }

  get rule(): string {
    return RULES[this.ruleId as RuleId];
  }
}

/** Malformed or missing input in a field the DTOs cannot check alone (DF4 unless a domain rule is named). */
export function invalid(field: string, de: string, en: string, rule: RuleId = 'DF4'): DfpaDomainError {
  return new DfpaDomainError(rule, 'invalid-field', { de: `${field}: ${de}`, en: `${field}: ${en}` }, 'unprocessable', {
    field,
  });
}
