import { correlation } from './correlation.js';

describe('correlation', () => {
  it('keeps the correlation id across awaits and generates one when none is given', async () => {
    const seen = await correlation.run({ correlationId: 'abc' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return correlation.id();
    });
    expect(seen).toBe('abc');
    const generated = correlation.run({}, () => correlation.id());
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlation.id()).toBeUndefined();
  });
});
