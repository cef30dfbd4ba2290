import {
  PERMIT_CATEGORIES,
  permitCategoryOf,
  type PermitCategory,
  type PermitInfo,
} from './residence-permit-catalog.js';

/**
 * Which residence permits open a start.integration case. The rule is versioned data, not code: the canton may
 * change it (the service stores versions and says which one is in force), and every arrival records the version
 * and the decision taken under it, so that a case can always be explained later.
 */
export interface TargetGroupRule {
  /** Unique, never reused; recorded on every arrival. */
  version: string;
  /** The day from which this version applies (ISO date). */
  validFrom: string;
  description: string;
  /** The decision per permit category. */
  byCategory: Record<PermitCategory, boolean>;
  /** Exceptions for single eCH-0006 codes (e.g. one L sub-code), checked before the category. */
  byCode: Record<string, boolean>;
  /** The decision when a person has no permit code (nil) or a code that is no eCH-0006 category. */
  withoutPermit: boolean;
}

export interface TargetGroupDecision {
  ruleVersion: string;
  opensCase: boolean;
  /** What decided: an exact code entry, the category, or the missing/unknown permit fallback. */
  basis: 'code' | 'category' | 'no-permit' | 'unknown-code';
  permitCode: string | null;
  category: PermitCategory | null;
}

/** Decides whether a permit opens a case under a rule. Pure: the same rule and permit give the same answer. */
export function decide(rule: TargetGroupRule, permit: PermitInfo | string | null): TargetGroupDecision {
  const code = typeof permit === 'string' ? permit : (permit?.code ?? null);
  const category = typeof permit === 'string' || permit === null ? permitCategoryOf(code) : permit.category;
  if (code === null)
    return {
      ruleVersion: rule.version,
      opensCase: rule.withoutPermit,
      basis: 'no-permit',
      permitCode: null,
      category: null,
    };
  if (Object.hasOwn(rule.byCode, code)) {
    return { ruleVersion: rule.version, opensCase: rule.byCode[code], basis: 'code', permitCode: code, category };
  }
  if (category === null)
    return {
      ruleVersion: rule.version,
      opensCase: rule.withoutPermit,
      basis: 'unknown-code',
      permitCode: code,
      category: null,
    };
  return {
    ruleVersion: rule.version,
    opensCase: rule.byCategory[category],
    basis: 'category',
    permitCode: code,
    category,
  };
}

/**
 * Checks a rule that arrives from outside (API, database) and returns it typed, or the list of what is wrong.
 * Every category must be decided explicitly, so that a new rule cannot silently drop one.
 */
export function parseTargetGroupRule(
  input: unknown,
): { ok: true; rule: TargetGroupRule } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['the rule must be an object'] };
  const raw = input as Record<string, unknown>;
  if (typeof raw.version !== 'string' || raw.version.trim() === '')
    errors.push('version: a non-empty string is required');
  if (typeof raw.validFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.validFrom))
    errors.push('validFrom: an ISO date (YYYY-MM-DD) is required');
  if (typeof raw.description !== 'string') errors.push('description: a string is required');
  if (typeof raw.withoutPermit !== 'boolean') errors.push('withoutPermit: true or false is required');
  const byCategory = raw.byCategory as Record<string, unknown> | undefined;
  if (typeof byCategory !== 'object' || byCategory === null) errors.push('byCategory: an object is required');
  else {
    for (const category of PERMIT_CATEGORIES) {
      if (typeof byCategory[category] !== 'boolean') errors.push(`byCategory.${category}: true or false is required`);
    }
    for (const key of Object.keys(byCategory)) {
      if (!(PERMIT_CATEGORIES as readonly string[]).includes(key))
        errors.push(`byCategory.${key}: not a permit category`);
    }
  }
  const byCode = raw.byCode ?? {};
  if (typeof byCode !== 'object' || byCode === null) errors.push('byCode: an object is required');
  else {
    for (const [code, value] of Object.entries(byCode)) {
      if (permitCategoryOf(code) === null) errors.push(`byCode.${code}: not an eCH-0006 permit code`);
      if (typeof value !== 'boolean') errors.push(`byCode.${code}: true or false is required`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    rule: {
      version: raw.version as string,
      validFrom: raw.validFrom as string,
      description: raw.description as string,
      byCategory: { ...(byCategory as Record<PermitCategory, boolean>) },
      byCode: { ...(byCode as Record<string, boolean>) },
      withoutPermit: raw.withoutPermit as boolean,
    },
  };
}
