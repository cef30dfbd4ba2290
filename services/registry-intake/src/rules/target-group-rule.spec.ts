import { describe, expect, it } from '@jest/globals';
import { ResidencePermitCatalog } from './residence-permit-catalog.js';
import { DEFAULT_TARGET_GROUP_RULE } from './target-group-default.rule.js';
import { decide, parseTargetGroupRule, type TargetGroupRule } from './target-group-rule.js';

const permits = ResidencePermitCatalog.load();

describe('decide with the default rule', () => {
  it.each([
    ['0201', 'B', true],
    ['0202', 'B', true],
    ['02', 'B', true],
    ['0301', 'C', true],
    ['0302', 'C', true],
    ['0402', 'Ci', true],
    ['0503', 'F', true],
    ['0701', 'L', true],
    ['070104', 'L', true],
    ['0804', 'N', false],
    ['0905', 'S', false],
    ['0601', 'G', false],
    ['060102', 'G', false],
    ['1006', 'registration-only', false],
    ['100603', 'registration-only', false],
    ['1107', 'diplomatic-immunity', false],
    ['1208', 'international-official', false],
    ['0102', 'A', false],
    ['1300', 'unassigned', false],
  ])('%s (%s) opens a case: %s', (code, category, opensCase) => {
    expect(decide(DEFAULT_TARGET_GROUP_RULE, permits.describe(code))).toEqual({
      ruleVersion: DEFAULT_TARGET_GROUP_RULE.version,
      opensCase,
      basis: 'category',
      permitCode: code,
      category,
    });
  });

  it('decides the same from a bare code as from catalogue data', () => {
    expect(decide(DEFAULT_TARGET_GROUP_RULE, '0202')).toEqual(
      decide(DEFAULT_TARGET_GROUP_RULE, permits.describe('0202')),
    );
  });

  it('opens no case without a permit or with a code that is no eCH-0006 category', () => {
    expect(decide(DEFAULT_TARGET_GROUP_RULE, null)).toMatchObject({ opensCase: false, basis: 'no-permit' });
    expect(decide(DEFAULT_TARGET_GROUP_RULE, '99')).toMatchObject({
      opensCase: false,
      basis: 'unknown-code',
      category: null,
    });
  });
});

describe('a rule version with an exception per code', () => {
  const rule: TargetGroupRule = {
    ...DEFAULT_TARGET_GROUP_RULE,
    version: 'so-2027.1',
    byCode: { '070104': false, '0804': true },
  };

  it('lets the code entry win over the category and records the version', () => {
    expect(decide(rule, '070104')).toMatchObject({
      ruleVersion: 'so-2027.1',
      opensCase: false,
      basis: 'code',
      category: 'L',
    });
    expect(decide(rule, '0701')).toMatchObject({ opensCase: true, basis: 'category' });
    expect(decide(rule, '0804')).toMatchObject({ opensCase: true, basis: 'code', category: 'N' });
  });
});

describe('parseTargetGroupRule', () => {
  it('accepts the default rule', () => {
    expect(parseTargetGroupRule(JSON.parse(JSON.stringify(DEFAULT_TARGET_GROUP_RULE)))).toEqual({
      ok: true,
      rule: DEFAULT_TARGET_GROUP_RULE,
    });
  });

  it('requires every category to be decided and refuses unknown ones and bad codes', () => {
    const { S: _dropped, ...withoutS } = DEFAULT_TARGET_GROUP_RULE.byCategory;
    const r = parseTargetGroupRule({
      ...DEFAULT_TARGET_GROUP_RULE,
      version: '',
      byCategory: { ...withoutS, Z: true },
      byCode: { '0201': 'yes', '77': true },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual(
      expect.arrayContaining([
        'version: a non-empty string is required',
        'byCategory.S: true or false is required',
        'byCategory.Z: not a permit category',
        'byCode.0201: true or false is required',
        'byCode.77: not an eCH-0006 permit code',
      ]),
    );
  });
});

describe('ResidencePermitCatalog', () => {
  it('gives category, EU/EFTA ruling and label per code', () => {
    expect(permits.describe('0201')).toMatchObject({
      category: 'B',
      categoryCode: '02',
      euEfta: true,
      label: expect.stringContaining('EU/EFTA'),
    });
    expect(permits.describe('0302')).toMatchObject({ category: 'C', euEfta: false });
    expect(permits.describe('0503')).toMatchObject({ category: 'F', euEfta: null });
    expect(permits.describe('02')).toMatchObject({ category: 'B', euEfta: null });
  });

  it('keeps a finer code the list does not know under its category, and refuses non-codes', () => {
    expect(permits.has('020199')).toBe(false);
    expect(permits.describe('020199')).toMatchObject({ category: 'B', euEfta: true, label: null });
    expect(permits.describe('B')).toBeNull();
    expect(permits.describe('2')).toBeNull();
  });
});
