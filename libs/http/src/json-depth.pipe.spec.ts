import { JsonDepthPipe, nestingDepth } from './json-depth.pipe.js';
import { ProblemError } from './problem.js';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('JsonDepthPipe (security probe F7)', () => {
  const pipe = new JsonDepthPipe(32);

  it('lets ordinary bodies through unchanged', () => {
    const body = { on: '2026-11-19', note: 'n', languageSkills: [{ language: 'de', level: 'A2' }] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform(nested(32), { type: 'body' })).toEqual(nested(32));
  });

  it('refuses a body nested 33 or 250,000 levels deep with a 400 problem, quickly and without overflowing', () => {
    expect(() => pipe.transform(nested(33), { type: 'body' })).toThrow(ProblemError);
    const deep = { on: '2026-11-19', x: nested(250_000) };
    const started = Date.now();
    try {
      pipe.transform(deep, { type: 'body' });
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemError);
      expect((err as ProblemError).problem.status).toBe(400);
    }
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('counts objects and arrays alike and ignores path parameters', () => {
    expect(nestingDepth({ a: { b: [{ c: 1 }] } }, 10)).toBe(4);
    expect(nestingDepth('text', 10)).toBe(0);
    expect(pipe.transform(nested(40), { type: 'param' })).toEqual(nested(40));
  });
});
