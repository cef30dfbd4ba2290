import { describe, expect, it } from '@jest/globals';
import { isCurableByReprocess, type DeliveryRefusalCode } from '../domain/index.js';
import { httpStatusOf } from './delivery-problems.js';

describe('refusals', () => {
  it.each<[DeliveryRefusalCode, number, boolean]>([
    ['not-xml', 400, false],
    ['not-well-formed', 400, false],
    ['truncated', 400, false],
    ['dtd-forbidden', 400, false],
    ['empty', 400, false],
    ['too-deep', 400, false],
    ['text-too-long', 400, false],
    ['unsupported-encoding', 400, false],
    ['too-large', 413, false],
    ['wrong-namespace', 422, false],
    ['unsupported-version', 422, false],
    ['schema-invalid', 422, false],
    ['municipality-unknown', 422, true],
    ['municipality-outside-canton', 422, true],
    ['municipality-undetermined', 422, true],
    ['interrupted', 503, true],
    ['internal-error', 503, true],
    ['envelope-invalid', 422, false],
    ['outside-submitter-scope', 422, false],
  ])('%s answers %i; a reprocess can cure it: %s', (code, status, curable) => {
    expect(httpStatusOf(code)).toBe(status);
    expect(isCurableByReprocess(code)).toBe(curable);
  });
});
