import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@si/observability';

/**
 * Routes Nest's own log lines into the service's JSON logger. An object message (`{ message, reason, route, ip }`,
 * as the auth guard logs refusals) becomes the record's fields, not `[object Object]` (security probe F5).
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info(...record(message, { context }));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error(...record(message, { context, trace }));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn(...record(message, { context }));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug(...record(message, { context }));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace(...record(message, { context }));
  }
}

function record(message: unknown, fields: Record<string, unknown>): [Record<string, unknown>, string] {
  if (message instanceof Error) return [{ ...fields, err: message }, message.message];
  if (message && typeof message === 'object') {
    const { message: text, ...rest } = message as Record<string, unknown>;
    return [{ ...rest, ...fields }, typeof text === 'string' ? text : ''];
  }
  return [fields, String(message)];
}
