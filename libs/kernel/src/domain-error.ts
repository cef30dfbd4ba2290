/** What a user reads: German first (the working language of the Solothurn users), English beside it. */
export interface LocalisedMessage {
  readonly de: string;
  readonly en: string;
}

/**
 * How a refusal relates to the request, so that the HTTP layer (and only it) picks a status: `conflict` (not allowed
 * in the object's current state), `unprocessable` (the input breaks a rule), `forbidden` (this role may not take
 * this step), `not-found` (a referenced part does not exist). The mapping to statuses is in @si/http.
 */
export type RefusalKind = 'conflict' | 'unprocessable' | 'forbidden' | 'not-found';

/**
 * The base of every domain refusal: the rule that refused (problem+json `rule`) and its statement, a stable `code`
 * (problem `type` suffix), messages in de and en, the kind, and details for the problem body. Framework-free, so
 * that domain folders may throw it; @si/http turns it into problem+json without a per-service filter.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly ruleId: string,
    readonly code: string,
    readonly messages: LocalisedMessage,
    readonly kind: RefusalKind,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`[${ruleId}] ${messages.en}`);
    this.name = new.target.name;
  }

  /** The rule's one-line statement, from the service's rule catalogue. */
  abstract get rule(): string;
}
