import type { TargetGroupRule } from './target-group-rule.js';

/**
 * The rule in force until the canton sets another (issue 3, item 4). Derived from the categories of
 * contracts/reference/residence-permits.csv: residents (B), settled (C), provisionally admitted (F), short-term
 * residents (L) and working family members of diplomats (Ci) are newcomers with a perspective to stay and get a
 * case; asylum seekers (N, still in procedure) and people under temporary protection (S, return-oriented) do not,
 * nor do cross-border commuters (G), people under the registration procedure, diplomats and international
 * officials, the abolished seasonal permit (A) and the unassigned code 1300. A person without a permit code gets no
 * case automatically; the integration officer can still open one by hand.
 *
 * The CSV's column `laengerfristige_bleibeperspektive` is our own assessment and differs for L (only L ≥ 12 months
 * "teilweise"); the canton decides, so an exception per code goes into `byCode` of a new version, not here.
 */
export const DEFAULT_TARGET_GROUP_RULE: TargetGroupRule = Object.freeze({
  version: 'so-default-2026.1',
  validFrom: '2026-01-01',
  description: 'Default: B, C, F, L and Ci open a case; N, S, G, registration-only and all others do not.',
  byCategory: Object.freeze({
    A: false,
    B: true,
    C: true,
    Ci: true,
    F: true,
    G: false,
    L: true,
    N: false,
    S: false,
    'registration-only': false,
    'diplomatic-immunity': false,
    'international-official': false,
    unassigned: false,
  }),
  byCode: Object.freeze({}),
  withoutPermit: false,
}) as TargetGroupRule;
