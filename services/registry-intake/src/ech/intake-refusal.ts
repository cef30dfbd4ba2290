/** Why a delivery was refused as a whole; the delivery goes to quarantine with this and nothing is emitted. */
export type RefusalCode =
  | 'empty'
  | 'not-xml'
  | 'not-well-formed'
  | 'truncated'
  | 'unsupported-encoding'
  | 'dtd-forbidden'
  | 'too-large'
  | 'too-deep'
  | 'text-too-long'
  | 'wrong-namespace'
  | 'unsupported-version'
  | 'schema-invalid'
  | 'municipality-unknown'
  | 'municipality-outside-canton'
  | 'municipality-undetermined';

/** One finding with its place in the delivery (1-based line and column; 0 when the parser could not tell). */
export interface IntakeIssue {
  line: number;
  column: number;
  message: string;
  /** The element path libxml2 reports for schema errors, when there is one. */
  path?: string;
}

export interface IntakeRefusal {
  code: RefusalCode;
  /** One sentence for the delivery log and the sender, naming what was found and what is accepted. */
  message: string;
  issues: IntakeIssue[];
}

/** Thrown by a record handler (e.g. the delivery mapper) to refuse the whole delivery mid-stream. */
export class IntakeRefusedError extends Error {
  constructor(readonly refusal: IntakeRefusal) {
    super(refusal.message);
    this.name = 'IntakeRefusedError';
  }
}

export function refusal(code: RefusalCode, message: string, issues: IntakeIssue[] = []): IntakeRefusal {
  return { code, message, issues };
}
