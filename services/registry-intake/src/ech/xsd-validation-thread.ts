import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { IntakeIssue } from './intake-refusal.js';
import type { PieceResult } from './validation-windows.js';
import { createValidationCore } from './xsd-validation-core.js';

/** A request from XsdValidationWorker: a whole document, or a base-delivery piece (bytes) to read when `firstIndex` is set. */
export type ValidationRequest =
  | { id: number; doc: string | Uint8Array; firstIndex?: undefined }
  | { id: number; doc: Uint8Array; firstIndex: number };

export type ValidationReply =
  | { kind: 'result'; id: number; result: IntakeIssue[] | PieceResult }
  | { kind: 'ready' }
  | { kind: 'failed'; error: string };

// The body of a validation worker thread: compiles the schema once, then answers requests in order.
const port = parentPort;
if (!port) throw new Error('xsd-validation-thread runs as a worker thread only');
const { catalog, mainSchemaUrl } = workerData as { catalog: Array<[string, string]>; mainSchemaUrl: string };
try {
  const core = createValidationCore(catalog, mainSchemaUrl, (path) => readFileSync(path));
  port.on('message', (request: ValidationRequest) => {
    let result: IntakeIssue[] | PieceResult;
    try {
      result =
        request.firstIndex === undefined
          ? core.validate(request.doc)
          : core.readWindow(request.doc, request.firstIndex);
    } catch (error) {
      const issues = [
        {
          line: 0,
          column: 0,
          message: `validation failed inside the service: ${String((error as Error).message ?? error)}`,
        },
      ];
      result = request.firstIndex === undefined ? issues : { issues, records: [] };
    }
    const id = request.id;
    port.postMessage({ kind: 'result', id, result } satisfies ValidationReply);
  });
  port.postMessage({ kind: 'ready' } satisfies ValidationReply);
} catch (error) {
  port.postMessage({ kind: 'failed', error: String((error as Error).stack ?? error) } satisfies ValidationReply);
}
