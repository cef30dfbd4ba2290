import { DfpaDomainError } from './dfpa.errors.js';

/**
 * The Sozialregionen one instance serves (DFPA_SOZIALREGIONEN: `olten,thal-gaeu` or `*` for the canton's instance).
 * The instance consumes only these regions' hand-over queues and answers only their staff: a region it does not
 * serve is as unknown to it as a region that does not exist (R25).
 */
export class ServedRegions {
  private constructor(
    readonly ids: readonly string[],
    readonly all: boolean,
  ) {}

  /** `known` are the 13 ids of contracts/reference/sozialregionen.json; an unknown id is a configuration error. */
  static parse(raw: string, known: readonly string[]): ServedRegions {
    const value = raw.trim();
    if (value === '*') return new ServedRegions([...known], true);
    const ids = [
      ...new Set(
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length === 0) throw new Error('DFPA_SOZIALREGIONEN names no Sozialregion (a list of ids or *)');
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length)
      throw new Error(
        `DFPA_SOZIALREGIONEN names unknown Sozialregionen: ${unknown.join(', ')} (known: ${known.join(', ')})`,
      );
    return new ServedRegions(ids, false);
  }

  serves(id: string | undefined): id is string {
    return id !== undefined && this.ids.includes(id);
  }

  /** Refuses a caller whose region this instance does not serve, the same way as a case outside their region. */
  assertServed(id: string | undefined): string {
    if (!this.serves(id)) {
      throw new DfpaDomainError(
        'R25',
        'region-not-served',
        {
          de: 'Diese DFPA-Instanz führt keine Fälle Ihrer Sozialregion.',
          en: 'This DFPA instance does not serve your Sozialregion.',
        },
        'forbidden',
      );
    }
    return id;
  }
}
