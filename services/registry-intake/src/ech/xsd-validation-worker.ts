import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { IntakeIssue } from './intake-refusal.js';
import type { PieceResult } from './validation-windows.js';
import type { ValidationReply, ValidationRequest } from './xsd-validation-thread.js';

/**
 * The compiled thread script. Under Jest the service's modules run from src/ as TypeScript, which a worker thread
 * cannot load; it then takes the build in dist/ (the test command builds first).
 */
function threadScript(): URL {
  const own = new URL('./xsd-validation-thread.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return own;
  const built = new URL(
    own.href.replace(/\/src\/ech\/xsd-validation-thread\.js$/, '/dist/ech/xsd-validation-thread.js'),
  );
  if (!existsSync(built))
    throw new Error(
      `the validation worker needs the built service (${built.pathname}); run \`npx tsc -b services/registry-intake\``,
    );
  return built;
}

/**
 * One worker thread with its own compiled schema (xsd-validation-thread.ts), so that base-delivery pieces are
 * parsed, validated and read on another core while the main thread cuts the next piece and writes the last one.
 */
export class XsdValidationWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (r: IntakeIssue[] | PieceResult) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private failed: Error | undefined;
  readonly ready: Promise<void>;

  constructor(catalog: Array<[string, string]>, mainSchemaUrl: string) {
    // A small young generation: a piece's tree objects die within the piece, and every megabyte a worker's heap
    // may grow is resident memory of the service.
    this.worker = new Worker(threadScript(), {
      workerData: { catalog, mainSchemaUrl },
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (msg: ValidationReply) => {
        if (msg.kind === 'ready') return resolve();
        if (msg.kind === 'failed') {
          this.failed = new Error(`XSD validation worker failed to start: ${msg.error}`);
          return reject(this.failed);
        }
        const entry = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        entry?.resolve(msg.result);
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('error', (error) => this.abort(error));
    this.worker.on('exit', (code) => this.abort(new Error(`XSD validation worker exited (code ${code})`)));
  }

  /** Requests sent and not yet answered. */
  get load(): number {
    return this.waiting.size;
  }

  /** True once the thread has failed or exited: it answers nothing any more. */
  get dead(): boolean {
    return this.failed !== undefined;
  }

  async validate(doc: string): Promise<IntakeIssue[]> {
    return (await this.send({ id: 0, doc })) as IntakeIssue[];
  }

  /** Hands the piece's bytes over to the thread (they are unusable here afterwards: no copy is made). */
  async readWindow(doc: Uint8Array, firstIndex: number): Promise<PieceResult> {
    return (await this.send({ id: 0, doc, firstIndex }, [doc.buffer as ArrayBuffer])) as PieceResult;
  }

  async close(): Promise<void> {
    this.failed ??= new Error('XSD validation worker closed');
    await this.worker.terminate();
  }

  private async send(request: ValidationRequest, transfer: ArrayBuffer[] = []): Promise<IntakeIssue[] | PieceResult> {
    await this.ready;
    if (this.failed) throw this.failed;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private abort(error: Error): void {
    this.failed ??= error;
    for (const entry of this.waiting.values()) entry.reject(this.failed);
    this.waiting.clear();
  }
}
