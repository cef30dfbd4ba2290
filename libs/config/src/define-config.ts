import type { Setting } from './setting.js';

/** The variables a service reads from its environment, keyed by the name the code uses. */
export type SettingsSpec = Record<string, Setting<unknown>>;

/** The typed values of a spec: `{ reminderLeadDays: number, … }`. */
export type ValuesOf<S extends SettingsSpec> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Raw environment: `process.env` in production, a plain object in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Every wrong variable at once, each with its value, its complaint and what it means, so that one failed start
 * tells the operator everything to fix. Thrown before the service opens a connection.
 */
export class ConfigError extends Error {
  constructor(
    readonly owner: string,
    readonly problems: readonly { env: string; value: string | undefined; message: string; meaning: string }[],
  ) {
    super(
      `The configuration of ${owner} is invalid:\n` +
        problems
          .map((p) => `  - ${p.env}${p.value === undefined ? '' : `="${p.value}"`} ${p.message} (${p.meaning})`)
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export interface Config<S extends SettingsSpec> {
  readonly owner: string;
  readonly settings: S;
  /** Reads and validates every variable; throws {@link ConfigError} naming each wrong one. An empty variable counts as unset. */
  load(env?: Environment): ValuesOf<S>;
  /** The values of an empty environment with `overrides` on top: what tests pass instead of environment variables. */
  defaults(overrides?: Partial<ValuesOf<S>>): ValuesOf<S>;
  /** A Markdown table (variable, default, meaning) for a README. */
  table(): string;
}

/**
 * The configuration of a service (or of the platform) in one place:
 *
 * ```ts
 * export const settings = defineConfig('offers', {
 *   pageSize: int('OFFERS_PAGE_SIZE', { default: 50, min: 1, max: 500, meaning: 'Offers per page of the public search' }),
 * });
 * export type OffersConfig = ValuesOf<typeof settings.settings>;
 * ```
 */
export function defineConfig<S extends SettingsSpec>(owner: string, settings: S): Config<S> {
  const load = (env: Environment = process.env): ValuesOf<S> => {
    const values: Record<string, unknown> = {};
    const problems: ConstructorParameters<typeof ConfigError>[1][number][] = [];
    for (const [key, setting] of Object.entries(settings)) {
      const raw = env[setting.env] === '' ? undefined : env[setting.env];
      const result = setting.schema.safeParse(raw);
      if (result.success) values[key] = result.data;
      else
        problems.push({
          env: setting.env,
          value: raw,
          message: result.error.issues.map((i) => i.message).join('; '),
          meaning: setting.meaning,
        });
    }
    if (problems.length) throw new ConfigError(owner, problems);
    return values as ValuesOf<S>;
  };
  return {
    owner,
    settings,
    load,
    defaults: (overrides = {}) => ({ ...load({}), ...overrides }),
    table: () =>
      [
        '| variable | default | meaning |',
        '|---|---|---|',
        ...Object.values(settings).map(
          (s) =>
            `| \`${s.env}\` | ${s.defaultText === undefined ? '(unset)' : `\`${s.defaultText}\``} | ${s.meaning} |`,
        ),
      ].join('\n'),
  };
}
