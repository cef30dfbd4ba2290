import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createValidationCore, type RawValidationResult } from './xsd-validation-core.js';

/**
 * Runs createValidationCore in a worker thread, so that a base delivery's pieces are validated on a second core
 * while the main thread parses and maps. The worker is started from the core's own source text (no separate
 * script file, so it works the same from src/ under Jest and from dist/), loads libxml2-wasm by absolute URL and
 * compiles the schema once.
 */
export class XsdValidationWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: RawValidationResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failed: Error | undefined;
  readonly ready: Promise<void>;

  constructor(catalog: Array<[string, string]>, mainSchemaUrl: string) {
    const libUrl = pathToFileURL(createRequire(import.meta.url).resolve('libxml2-wasm')).href;
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const createValidationCore = ${createValidationCore.toString()};
      import(workerData.libUrl).then((lib) => {
        const core = createValidationCore(lib, workerData.catalog, workerData.mainSchemaUrl, (p) => readFileSync(p));
        parentPort.on('message', ({ id, text }) => {
          let result;
          try { result = core.validate(text); } catch (e) { result = { stage: 'internal', details: [], message: String(e && e.message || e) }; }
          parentPort.postMessage({ id, result });
        });
        parentPort.postMessage({ id: 0 });
      }, (e) => parentPort.postMessage({ id: -1, error: String(e && e.stack || e) }));`;
    this.worker = new Worker(source, { eval: true, workerData: { libUrl, catalog, mainSchemaUrl } });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (msg: { id: number; result?: RawValidationResult; error?: string }) => {
        if (msg.id === 0) return resolve();
        if (msg.id === -1) {
          this.failed = new Error(`XSD validation worker failed to start: ${msg.error}`);
          return reject(this.failed);
        }
        const entry = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        if (msg.result) entry?.resolve(msg.result);
        else entry?.reject(new Error('XSD validation worker answered without a result'));
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('error', (error) => this.abort(error));
    this.worker.on('exit', (code) => this.abort(new Error(`XSD validation worker exited (code ${code})`)));
  }

  async validate(text: string): Promise<RawValidationResult> {
    await this.ready;
    if (this.failed) throw this.failed;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('XSD validation worker closed');
    await this.worker.terminate();
  }

  private abort(error: Error): void {
    this.failed ??= error;
    for (const entry of this.waiting.values()) entry.reject(this.failed);
    this.waiting.clear();
  }
}
