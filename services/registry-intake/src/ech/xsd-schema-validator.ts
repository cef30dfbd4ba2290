import { readFileSync } from 'node:fs';
import type { EchRecord } from './ech-record.types.js';
import type { IntakeIssue } from './intake-refusal.js';
import type { SchemaValidation } from './validation-windows.js';
import { ECH0020_V3_SCHEMA_URL, readXsdCatalog, XSD_DIR } from './xsd-catalog.js';
import { createValidationCore, type RawValidationResult, type RawWindowResult, type ValidationCore } from './xsd-validation-core.js';
import { XsdValidationWorker } from './xsd-validation-worker.js';

export interface SchemaValidatorOptions {
  /** Folder with catalog.xml and the XSDs (default: the service's xsd/). */
  xsdDir?: string;
  /**
   * Worker threads that parse, validate and read base-delivery pieces (and large documents) while the main thread
   * goes on; 0 does everything in the calling thread. Small documents (single-event deliveries) are always
   * validated in-process, where a round trip would cost more than the work.
   */
  workers?: number;
  /** Documents from this many characters on go to a worker (default 256 KiB). */
  workerThresholdChars?: number;
}

/**
 * The compiled eCH-0020 v3.0 schema (libxml2 in WebAssembly, schemas resolved from the local catalog only).
 * Load once per process and reuse: compiling takes ~20–60 ms, validating a single-event delivery then well under a
 * millisecond. Large deliveries are validated in pieces by the streaming reader (validation-windows.ts), never as
 * one document.
 */
export class EchSchemaValidator implements SchemaValidation {
  private constructor(
    private readonly core: ValidationCore,
    private readonly workers: XsdValidationWorker[],
    private readonly workerThreshold: number,
  ) {}

  static load(options: SchemaValidatorOptions = {}): EchSchemaValidator {
    const catalog = [...readXsdCatalog(options.xsdDir ?? XSD_DIR)];
    const core = createValidationCore(catalog, ECH0020_V3_SCHEMA_URL, (path) => readFileSync(path));
    const workers = Array.from({ length: options.workers ?? 0 }, () => new XsdValidationWorker(catalog, ECH0020_V3_SCHEMA_URL));
    return new EchSchemaValidator(core, workers, options.workerThresholdChars ?? 256 * 1024);
  }

  /** Resolves when the workers (if any) have compiled the schema; in-process validation is ready at once. */
  async ready(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ready));
  }

  /**
   * Validates one complete document. Returns the issues (empty when valid) with lines and columns of `text`;
   * libxml2 reports no column for schema errors, so it is taken from the element's start tag on that line.
   */
  validate(text: string): IntakeIssue[] | Promise<IntakeIssue[]> {
    const worker = text.length >= this.workerThreshold ? this.leastBusyWorker() : undefined;
    if (worker) return worker.validate(text).then((raw) => toIssues(text, raw));
    return toIssues(text, this.core.validate(text));
  }

  /** Validates a base-delivery piece and reads its persons (see validation-windows.ts); lines are the piece's. */
  readWindow(text: string, firstIndex: number): { issues: IntakeIssue[]; records: EchRecord[] } | Promise<{ issues: IntakeIssue[]; records: EchRecord[] }> {
    const worker = this.leastBusyWorker();
    const done = (raw: RawWindowResult) => ({ issues: toIssues(text, raw.validation), records: raw.records });
    if (worker) return worker.readWindow(text, firstIndex).then(done);
    return done(this.core.readWindow(text, firstIndex));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.core.dispose();
  }

  private leastBusyWorker(): XsdValidationWorker | undefined {
    let best: XsdValidationWorker | undefined;
    for (const w of this.workers) if (!best || w.load < best.load) best = w;
    return best;
  }
}

function toIssues(text: string, raw: RawValidationResult): IntakeIssue[] {
  if (raw.stage === 'valid') return [];
  const issues = raw.details
    .filter((d) => d.level >= 2)
    .map((d) => ({ line: d.line, column: d.col, message: d.message.trim(), ...(d.xpath ? { path: d.xpath } : {}) }));
  if (issues.length === 0) {
    const what = raw.stage === 'parse' ? 'the document is not well-formed XML' : 'schema validation failed';
    issues.push({ line: 0, column: 0, message: raw.message ? `${what}: ${raw.message}` : what });
  }
  return withColumns(text, issues);
}

/**
 * libxml2 reports schema errors with the element's line only. The element's name is in the message
 * ("Element '{ns}local': …"), so the column is that of the first start tag with this local name on the line.
 */
export function withColumns(text: string, issues: IntakeIssue[]): IntakeIssue[] {
  const wanted = new Set(issues.filter((i) => i.column === 0 && i.line > 0).map((i) => i.line));
  if (wanted.size === 0) return issues;
  const lastWanted = Math.max(...wanted);
  const lines = new Map<number, string>();
  let start = 0;
  for (let line = 1; line <= lastWanted; line++) {
    const end = text.indexOf('\n', start);
    if (wanted.has(line)) lines.set(line, text.slice(start, end === -1 ? text.length : end));
    if (end === -1) break;
    start = end + 1;
  }
  return issues.map((issue) => {
    if (issue.column > 0 || issue.line <= 0) return issue;
    const local = /Element '(?:\{[^}]*\})?([^']+)'/.exec(issue.message)?.[1];
    const lineText = lines.get(issue.line) ?? '';
    return { ...issue, column: local ? columnOfStartTag(lineText, local) : 0 };
  });
}

function columnOfStartTag(lineText: string, local: string): number {
  const escaped = local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escaped}(?=[\\s/>])`).exec(lineText);
  return m ? m.index + 1 : 0;
}
