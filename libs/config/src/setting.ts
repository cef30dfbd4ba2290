import { z } from 'zod';

/**
 * One environment variable: its name, what it means, its default as a reader sees it, and the zod schema that
 * turns the raw text (or its absence) into the typed value. Built with the helpers below, read by `defineConfig`.
 */
export interface Setting<T> {
  readonly env: string;
  readonly meaning: string;
  /** The default as the documentation prints it; undefined when the variable is required or may stay unset. */
  readonly defaultText: string | undefined;
  readonly schema: z.ZodType<T, string | undefined>;
}

interface Described<T> {
  /** What the variable does, in one sentence: printed in errors and in the configuration table. */
  meaning: string;
  default?: T;
}

function setting<T>(
  env: string,
  meaning: string,
  defaultText: string | undefined,
  schema: z.ZodType<T, string | undefined>,
): Setting<T> {
  return { env, meaning, defaultText, schema };
}

/** An integer within bounds; an unset (or empty) variable takes the default. */
export function int(env: string, options: Described<number> & { min?: number; max?: number }): Setting<number> {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = options;
  const range = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  const parsed = z
    .string()
    .regex(/^-?\d+$/, `must be ${range}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be ${range}`).max(max, `must be ${range}`));
  return setting(env, options.meaning, options.default?.toString(), withDefault(parsed, options.default, env));
}

/** `true` or `false`. */
export function flag(env: string, options: Described<boolean> & { default: boolean }): Setting<boolean> {
  const parsed = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
  return setting(env, options.meaning, String(options.default), withDefault(parsed, options.default, env));
}

/** Free text (a name, a prefix, a path); `minBytes` for secrets that must be long enough. */
export function text(env: string, options: Described<string> & { minBytes?: number }): Setting<string> {
  const min = options.minBytes ?? 1;
  const parsed = z.string().refine((v) => Buffer.byteLength(v) >= min, `must have at least ${min} bytes`);
  return setting(env, options.meaning, options.default, withDefault(parsed, options.default, env));
}

/** Text that may stay unset: the value is then `undefined` (an optional feature stays off). */
export function optionalText(
  env: string,
  options: { meaning: string; minBytes?: number },
): Setting<string | undefined> {
  const min = options.minBytes ?? 1;
  const parsed = z
    .string()
    .refine((v) => Buffer.byteLength(v) >= min, `must have at least ${min} bytes`)
    .optional();
  return setting(env, options.meaning, undefined, parsed);
}

/** A URL with one of the given protocols (`postgres:`, `amqp:`, `http:` …). */
export function url(env: string, options: Described<string> & { protocols: readonly string[] }): Setting<string> {
  const parsed = z
    .string()
    .refine((v) => isUrl(v, options.protocols), `must be a URL (${options.protocols.join(' or ')})`);
  return setting(env, options.meaning, options.default, withDefault(parsed, options.default, env));
}

/** A URL that may stay unset: the value is then `undefined` (the code derives it from other settings). */
export function optionalUrl(
  env: string,
  options: { meaning: string; protocols: readonly string[] },
): Setting<string | undefined> {
  const parsed = z
    .string()
    .refine((v) => isUrl(v, options.protocols), `must be a URL (${options.protocols.join(' or ')})`)
    .optional();
  return setting(env, options.meaning, undefined, parsed);
}

/** One of a fixed list of words. */
export function oneOf<const V extends readonly [string, ...string[]]>(
  env: string,
  values: V,
  options: Described<V[number]>,
): Setting<V[number]> {
  const parsed = z.enum(values, { error: `must be one of ${values.join(', ')}` });
  return setting(
    env,
    options.meaning,
    options.default,
    withDefault(parsed, options.default, env) as z.ZodType<V[number], string | undefined>,
  );
}

/** Unset takes the default; without a default, unset is an error naming the variable as required. */
function withDefault<T>(
  parsed: z.ZodType<T, string>,
  fallback: T | undefined,
  env: string,
): z.ZodType<T, string | undefined> {
  return z
    .string()
    .optional()
    .transform((v, ctx): T => {
      if (v !== undefined) {
        const result = parsed.safeParse(v);
        if (result.success) return result.data;
        for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
        return z.NEVER;
      }
      if (fallback !== undefined) return fallback;
      ctx.addIssue({ code: 'custom', message: `is required (${env} has no default)` });
      return z.NEVER;
    });
}

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
