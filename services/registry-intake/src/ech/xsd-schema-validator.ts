import { readFileSync } from 'node:fs';
import type { IntakeIssue } from './intake-refusal.js';
import type { PieceResult, SchemaValidation } from './validation-windows.js';
import { ECH0020_V3_SCHEMA_URL, readXsdCatalog, XSD_DIR } from './xsd-catalog.js';
import { createValidationCore, type ValidationCore } from './xsd-validation-core.js';
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
  private closed = false;
  private replaced = 0;

  private constructor(
    private readonly core: ValidationCore,
    private readonly workers: XsdValidationWorker[],
    private readonly workerThreshold: number,
    private readonly startWorker: () => XsdValidationWorker,
  ) {}

  static load(options: SchemaValidatorOptions = {}): EchSchemaValidator {
    const catalog = [...readXsdCatalog(options.xsdDir ?? XSD_DIR)];
    const core = createValidationCore(catalog, ECH0020_V3_SCHEMA_URL, (path) => readFileSync(path));
    const startWorker = () => new XsdValidationWorker(catalog, ECH0020_V3_SCHEMA_URL);
    const workers = Array.from({ length: options.workers ?? 0 }, startWorker);
    return new EchSchemaValidator(core, workers, options.workerThresholdChars ?? 256 * 1024, startWorker);
  }

  /** Worker threads started since load, replacements of dead ones included. */
  get workersStarted(): number {
    return this.workers.length + this.replaced;
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
    return worker ? worker.validate(text) : this.core.validate(text);
  }

  /**
   * Validates a base-delivery piece (UTF-8 bytes, handed over to a worker: unusable by the caller afterwards) and
   * reads its persons (see validation-windows.ts); lines are the piece's.
   */
  readWindow(doc: Uint8Array, firstIndex: number): PieceResult | Promise<PieceResult> {
    const worker = this.leastBusyWorker();
    return worker ? worker.readWindow(doc, firstIndex) : this.core.readWindow(doc, firstIndex);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.close()));
    this.core.dispose();
  }

  /**
   * A worker that died (out of memory, a crash in libxml2) failed the pieces it held, and with them their
   * deliveries (quarantined for reprocessing); it is replaced before the next request, so one bad piece does not
   * stop the intake until a restart.
   */
  private leastBusyWorker(): XsdValidationWorker | undefined {
    let best: XsdValidationWorker | undefined;
    this.workers.forEach((w, i) => {
      if (w.dead && !this.closed) {
        this.workers[i] = this.startWorker();
        this.replaced++;
      }
    });
    for (const w of this.workers) if (!best || w.load < best.load) best = w;
    return best;
  }
}
