import { pino, type Logger } from 'pino';
import { correlation } from './correlation.js';

/**
 * JSON logs on stdout, one line per entry, every entry stamped with the service name and the
 * correlation id of the work in progress. Never pass tokens or personal data to a logger: the redact
 * list below is a safety net for the usual field names, not a licence.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
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
      paths: ['authorization', '*.authorization', 'headers.authorization', 'token', '*.token', 'password', '*.password',
        'vn', '*.vn', 'officialName', '*.officialName', 'firstName', '*.firstName'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
