import { NS, type NsKey } from '../ech-namespaces.js';

/**
 * How the generated XML names its namespaces. Real senders differ, and a reader that matches prefixes breaks on
 * the next one: `eCH` as ORDIPRO (`eCH-0020:`), `ns2` as INFOSTAR (`ns2:` with eCH-0058 as default namespace),
 * `e20` as open-ech, `default` with eCH-0020 as the default namespace.
 */
export type PrefixStyle = 'eCH' | 'ns2' | 'e20' | 'default';

export const PREFIX_STYLES: readonly PrefixStyle[] = ['eCH', 'ns2', 'e20', 'default'];

const PREFIXES: Record<PrefixStyle, Record<NsKey, string>> = {
  eCH: {
    e20: 'eCH-0020',
    e58: 'eCH-0058',
    e44: 'eCH-0044',
    e11: 'eCH-0011',
    e21: 'eCH-0021',
    e10: 'eCH-0010',
    e8: 'eCH-0008',
    e7: 'eCH-0007',
  },
  ns2: { e20: 'ns2', e58: '', e44: 'ns3', e11: 'ns4', e21: 'ns5', e10: 'ns6', e8: 'ns7', e7: 'ns8' },
  e20: { e20: 'e20', e58: 'e58', e44: 'e44', e11: 'e11', e21: 'e21', e10: 'e10', e8: 'e8', e7: 'e7' },
  default: {
    e20: '',
    e58: 'eCH-0058',
    e44: 'eCH-0044',
    e11: 'eCH-0011',
    e21: 'eCH-0021',
    e10: 'eCH-0010',
    e8: 'eCH-0008',
    e7: 'eCH-0007',
  },
};

export function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Writes qualified names and simple elements in one prefix style; all namespaces are declared on the root. */
export class EchXmlWriter {
  private readonly prefixes: Record<NsKey, string>;

  constructor(
    readonly style: PrefixStyle,
    /** Appends `+01:00` to xs:date values, as real INFOSTAR data does. */
    private readonly timezoneDates = false,
  ) {
    this.prefixes = PREFIXES[style];
  }

  q(ns: NsKey, local: string): string {
    const prefix = this.prefixes[ns];
    return prefix === '' ? local : `${prefix}:${local}`;
  }

  /** An element with text content (escaped). */
  el(ns: NsKey, local: string, value: string | number): string {
    const name = this.q(ns, local);
    return `<${name}>${escapeXml(String(value))}</${name}>`;
  }

  /** An element wrapping already written children. */
  wrap(ns: NsKey, local: string, children: string): string {
    const name = this.q(ns, local);
    return `<${name}>${children}</${name}>`;
  }

  opt(ns: NsKey, local: string, value: string | number | undefined): string {
    return value === undefined ? '' : this.el(ns, local, value);
  }

  date(ns: NsKey, local: string, isoDate: string | undefined): string {
    return isoDate === undefined ? '' : this.el(ns, local, this.timezoneDates ? `${isoDate}+01:00` : isoDate);
  }

  /** The start tag of the root element with every namespace declaration. */
  rootStart(extraAttributes = ''): string {
    const decls = (Object.keys(this.prefixes) as NsKey[])
      .map((key) => (this.prefixes[key] === '' ? ` xmlns="${NS[key]}"` : ` xmlns:${this.prefixes[key]}="${NS[key]}"`))
      .join('');
    return `<${this.q('e20', 'delivery')}${decls} version="3.0"${extraAttributes}>`;
  }

  rootEnd(): string {
    return `</${this.q('e20', 'delivery')}>`;
  }
}
