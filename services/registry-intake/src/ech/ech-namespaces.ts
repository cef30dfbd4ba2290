/**
 * The namespaces of the eCH-0020 v3.0 set. The major version is part of the namespace, so the namespace (never
 * a prefix: `eCH-0020:`, `ns2:`, `e20:` and a default namespace all occur in real files) says what was sent.
 */
export const NS = {
  e20: 'http://www.ech.ch/xmlns/eCH-0020/3',
  e58: 'http://www.ech.ch/xmlns/eCH-0058/5',
  e44: 'http://www.ech.ch/xmlns/eCH-0044/4',
  e11: 'http://www.ech.ch/xmlns/eCH-0011/8',
  e21: 'http://www.ech.ch/xmlns/eCH-0021/7',
  e10: 'http://www.ech.ch/xmlns/eCH-0010/5',
  e8: 'http://www.ech.ch/xmlns/eCH-0008/3',
  e7: 'http://www.ech.ch/xmlns/eCH-0007/5',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export type NsKey = Exclude<keyof typeof NS, 'xsi'>;

/** The only version accepted: eCH-0020 v3.0 (namespace …/eCH-0020/3, `delivery/@version` "3.0"). */
export const ACCEPTED_VERSION = { standard: 'eCH-0020', version: '3.0', namespace: NS.e20 } as const;

/** Recognises any eCH namespace and tells its standard and major version, e.g. eCH-0020 / 2. */
export function parseEchNamespace(uri: string): { standard: string; major: number; variant: boolean } | null {
  const m = /^http:\/\/www\.ech\.ch\/xmlns\/(eCH-\d{4})(-f)?\/(\d+)$/.exec(uri);
  return m ? { standard: m[1], major: Number(m[3]), variant: m[2] !== undefined } : null;
}
