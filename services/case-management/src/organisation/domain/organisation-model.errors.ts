import { CaseDomainError, type LocalisedMessage } from '../../cases/domain/case.errors.js';

/**
 * A refused change of the organisation model. Same shape as the case errors (rule id, de/en, kind),
 * so the HTTP layer maps both to problem+json the same way.
 */
export class OrganisationModelError extends CaseDomainError {
  constructor(
    code: string,
    messages: LocalisedMessage,
    kind: 'conflict' | 'unprocessable' | 'forbidden' = 'unprocessable',
  ) {
    super('R29', code, messages, kind);
  }
}
