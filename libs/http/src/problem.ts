/**
 * RFC 9457 problem details. `type` is a stable URN per kind of problem so clients can branch on it;
 * `rule` names the domain rule that refused an action (e.g. `R17`), so an officer sees why.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  rule?: string;
  correlationId?: string;
  errors?: { pointer?: string; message: string; line?: number; column?: number }[];
  /** Extensions a service adds (e.g. `existingId` of a duplicate delivery). */
  extensions?: Record<string, unknown>;
}

/**
 * An error that knows its HTTP problem. Application code throws these (or subclasses); domain code
 * stays framework-free and is translated by its service's application layer.
 */
export class ProblemError extends Error {
  constructor(readonly problem: Omit<ProblemDetails, 'type'> & { type?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

export const problemType = (slug: string) => `urn:start-integration:problem:${slug}`;
