import { DomainError, type LocalisedMessage, type RefusalKind } from '@si/kernel';
import { RULES, type RuleId } from './rules.js';

/**
 * A refusal of the subsidy domain: the rule that refused, a stable code, German and English text, and the kind of
 * refusal (conflict, unprocessable, forbidden, not-found). The HTTP status is chosen by @si/http, never here.
 */
export class SubsidyError extends DomainError {
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

export const refuse = (
  rule: RuleId,
  code: string,
  de: string,
  en: string,
  kind: RefusalKind = 'unprocessable',
  details: Record<string, unknown> = {},
) => new SubsidyError(rule, code, { de, en }, kind, details);
