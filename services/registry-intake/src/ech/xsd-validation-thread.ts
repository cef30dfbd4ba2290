import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createValidationCore, type RawValidationResult, type RawWindowResult } from './xsd-validation-core.js';

/** A request from XsdValidationWorker: a whole document, or a base-delivery piece to read when `firstIndex` is set. */
export interface ValidationRequest {
  id: number;
  text: string;
  firstIndex?: number;
}

export type ValidationReply =
  | { kind: 'result'; id: number; result: RawValidationResult | RawWindowResult }
  | { kind: 'ready' }
  | { kind: 'failed'; error: string };

// The body of a validation worker thread: compiles the schema once, then answers requests in order.
const port = parentPort;
if (!port) throw new Error('xsd-validation-thread runs as a worker thread only');
const { catalog, mainSchemaUrl } = workerData as { catalog: Array<[string, string]>; mainSchemaUrl: string };
try {
  const core = createValidationCore(catalog, mainSchemaUrl, (path) => readFileSync(path));
  port.on('message', ({ id, text, firstIndex }: ValidationRequest) => {
    let result: RawValidationResult | RawWindowResult;
    try {
      result = firstIndex === undefined ? core.validate(text) : core.readWindow(text, firstIndex);
    } catch (error) {
      result = { stage: 'internal', details: [], message: String((error as Error).message ?? error) };
    }
    port.postMessage({ kind: 'result', id, result } satisfies ValidationReply);
  });
  port.postMessage({ kind: 'ready' } satisfies ValidationReply);
} catch (error) {
  port.postMessage({ kind: 'failed', error: String((error as Error).stack ?? error) } satisfies ValidationReply);
}
