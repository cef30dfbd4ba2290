import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What follows one unit of work (an HTTP request, a consumed message, a job) through the code. */
export interface RequestContext {
  correlationId: string;
  /** The id of the request or event being handled: becomes the causation id of events it emits. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const correlation = {
  run<T>(context: Partial<RequestContext>, fn: () => T): T {
    return storage.run({ correlationId: context.correlationId || randomUUID(), causationId: context.causationId }, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  id(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
