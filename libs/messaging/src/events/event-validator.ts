import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { envelopeSchema, loadEventSchemas, type EventSchema } from '@si/contracts';
import type { CloudEvent } from './cloud-event.js';

// ajv-formats is CommonJS: under Node's ESM loader the default import is module.exports itself.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as FormatsPlugin;

/** An event that does not match the envelope or the JSON Schema of its type; `errors` are readable lines. */
export class EventValidationError extends Error {
  constructor(
    readonly eventType: string | undefined,
    readonly errors: string[],
  ) {
    super(`invalid event${eventType ? ` ${eventType}` : ''}: ${errors.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

export interface EventValidatorOptions {
  /** Folder with `<aggregate>/<type>.schema.json` files; defaults to contracts/events. Tests pass a fixture folder. */
  schemasRoot?: string;
  /** Or the schemas themselves (keyed by type). */
  schemas?: Map<string, EventSchema>;
}

/** "data/birthDate must match format \"date\"" rather than ajv's objects: goes into logs and dead-letter headers. */
function describe(prefix: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const path = `${prefix}${e.instancePath}`.replace(/^\//, '');
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    return `${path || '(root)'} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/**
 * Validates events against contracts/envelope and the schema of their `type`, compiled once at
 * construction (ajv 2020-12 + formats). Producers validate before the outbox insert, consumers on receipt:
 * an event that passed is guaranteed to match the contract of its type; an unknown type is invalid.
 */
export class EventValidator {
  private readonly envelope: ValidateFunction;
  private readonly byType = new Map<string, ValidateFunction>();

  constructor(options: EventValidatorOptions = {}) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addVocabulary(['x-producer', 'x-consumers', 'x-personal-data']);
    this.envelope = ajv.compile(envelopeSchema);
    const schemas = options.schemas ?? loadEventSchemas(options.schemasRoot);
    for (const [type, schema] of schemas) this.byType.set(type, ajv.compile(schema));
  }

  /** The event types this validator knows. */
  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  /** Throws {@link EventValidationError} unless `event` is a valid envelope whose `data` matches its type's schema. */
  validate(event: unknown): asserts event is CloudEvent {
    if (!this.envelope(event)) {
      const type =
        typeof (event as { type?: unknown })?.type === 'string' ? (event as { type: string }).type : undefined;
      throw new EventValidationError(type, describe('', this.envelope.errors));
    }
    const { type, data } = event as CloudEvent;
    const validateData = this.byType.get(type);
    if (!validateData) throw new EventValidationError(type, [`no schema for event type ${type}`]);
    if (!validateData(data)) throw new EventValidationError(type, describe('data', validateData.errors));
  }
}
