import { Writable } from 'node:stream';
import { createLogger } from '@si/observability';
import { NestPinoLogger } from './nest-logger.js';

describe('NestPinoLogger', () => {
  it('writes an object message as fields of the record, so a refused token says why, where and from whom (security probe F5)', () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = new NestPinoLogger(createLogger('test', 'info', stream));
    // What KeycloakGuard logs for a forged token.
    logger.warn(
      {
        message: 'authentication failed',
        reason: 'invalid token (signature)',
        route: 'GET /api/v1/cases',
        method: 'GET',
        path: '/api/v1/cases',
        ip: '127.0.0.1',
      },
      'Auth',
    );
    logger.log('plain text', 'Nest');
    expect(lines[0]).toMatchObject({
      level: 'warn',
      context: 'Auth',
      message: 'authentication failed',
      reason: 'invalid token (signature)',
      route: 'GET /api/v1/cases',
      ip: '127.0.0.1',
    });
    expect(JSON.stringify(lines)).not.toContain('[object Object]');
    expect(lines[1]).toMatchObject({ level: 'info', context: 'Nest', message: 'plain text' });
  });
});
