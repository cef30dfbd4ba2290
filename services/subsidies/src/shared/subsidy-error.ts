import type { RuleId } from './rules.js';

export type RefusalKind = 'conflict' | 'unprocessable' | 'forbidden' | 'not-found';

export interface Messages {
  de: string;
  en: string;
}

/** A refusal of the subsidy domain: the rule that refused, a stable code, German and English text. */
export class SubsidyError extends Error {
  constructor(
    readonly rule: RuleId,
    readonly code: string,
    readonly messages: Messages,
    readonly kind: RefusalKind,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(messages.en);
    this.name = 'SubsidyError';
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
