import { pino, type DestinationStream, type Logger } from 'pino';
import { correlation } from './correlation.js';

/**
 * JSON logs on stdout, one line per entry, every entry stamped with the service name and the
 * correlation id of the work in progress. Never pass tokens or personal data to a logger: the redact
 * list below is a safety net for the usual field names, not a licence.
 */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const id = correlation.id();
      return id ? { correlationId: id } : {};
    },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        'token',
        '*.token',
        'password',
        '*.password',
        'vn',
        '*.vn',
        'officialName',
        '*.officialName',
        'firstName',
        '*.firstName',
      ],
      censor: '[redacted]',
    },
    serializers: { err: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Errors without the values they carry (security probe F4): TypeORM's QueryFailedError holds the statement's
 * `parameters` (a person's name, AHV number or a whole case snapshot), `query`, and the driver error, whose `detail`
 * quotes key values ("Key (vn)=(756…) already exists"). What stays says what failed and where.
 */
const UNSAFE_ERROR_FIELDS = ['parameters', 'query', 'driverError', 'detail', 'where', 'internalQuery', 'parameter'];
export function safeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  for (const field of UNSAFE_ERROR_FIELDS) delete serialized[field];
  return serialized;
}

export type { Logger };
