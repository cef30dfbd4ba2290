import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

/** A logger writing into an array of parsed JSON lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('test', 'info', stream), lines, text: () => JSON.stringify(lines) };
}

describe('createLogger', () => {
  it('logs a failed statement without its parameters, query or the driver detail (security probe F4)', () => {
    const { logger, lines, text } = capture();
    const err = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      name: 'QueryFailedError',
      code: '22021',
      query: 'UPDATE case_record SET snapshot = $1 WHERE case_id = $2',
      parameters: ['{"notes":"probe note","abs2":{"illness":true}}', 'Ribeiro Ana 756.1234.5678.97'],
      driverError: { detail: 'Key (vn)=(7561234567897) already exists.' },
      detail: 'Key (vn)=(7561234567897) already exists.',
    });
    logger.error({ err }, 'request failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.err).toMatchObject({ message: 'invalid byte sequence for encoding "UTF8": 0x00', code: '22021' });
    for (const secret of ['probe note', 'Ribeiro', '756', 'illness', 'UPDATE case_record'])
      expect(text()).not.toContain(secret);
  });

  it('redacts the usual personal-data and token fields', () => {
    const { logger, text } = capture();
    logger.info(
      { headers: { authorization: 'Bearer eyJhbGciOi' }, person: { vn: '7561234567897', officialName: 'Ribeiro' } },
      'x',
    );
    expect(text()).not.toMatch(/eyJ|7561234567897|Ribeiro/);
  });
});
