import type { IntakeIssue } from './intake-refusal.js';

/** What libxml2 said about one document; positions are those libxml2 reports (column 0 = unknown). */
export interface RawValidationResult {
  stage: 'valid' | 'parse' | 'validate' | 'internal';
  details: Array<{ message: string; level: number; line: number; col: number; xpath?: string }>;
  message?: string;
}

/** libxml2's findings as issues with lines and columns of `doc` (a string, or UTF-8 bytes). */
export function toIssues(doc: string | Uint8Array, raw: RawValidationResult): IntakeIssue[] {
  if (raw.stage === 'valid') return [];
  const issues = raw.details
    .filter((d) => d.level >= 2)
    .map((d) => ({ line: d.line, column: d.col, message: d.message.trim(), ...(d.xpath ? { path: d.xpath } : {}) }));
  if (issues.length === 0) {
    const what = raw.stage === 'parse' ? 'the document is not well-formed XML' : 'schema validation failed';
    issues.push({ line: 0, column: 0, message: raw.message ? `${what}: ${raw.message}` : what });
  }
  return withColumns(doc, issues);
}

/**
 * libxml2 reports schema errors with the element's line only. The element's name is in the message
 * ("Element '{ns}local': …"), so the column is that of the first start tag with this local name on the line.
 */
function withColumns(doc: string | Uint8Array, issues: IntakeIssue[]): IntakeIssue[] {
  const wanted = new Set(issues.filter((i) => i.column === 0 && i.line > 0).map((i) => i.line));
  if (wanted.size === 0) return issues;
  const lines = linesOf(
    typeof doc === 'string' ? doc : Buffer.from(doc.buffer, doc.byteOffset, doc.byteLength),
    wanted,
  );
  return issues.map((issue) => {
    if (issue.column > 0 || issue.line <= 0) return issue;
    const local = /Element '(?:\{[^}]*\})?([^']+)'/.exec(issue.message)?.[1];
    const lineText = lines.get(issue.line) ?? '';
    return { ...issue, column: local ? columnOfStartTag(lineText, local) : 0 };
  });
}

/** The text of the wanted lines (1-based). */
function linesOf(doc: string | Buffer, wanted: Set<number>): Map<number, string> {
  const lastWanted = Math.max(...wanted);
  const lines = new Map<number, string>();
  let start = 0;
  for (let line = 1; line <= lastWanted; line++) {
    const end = doc.indexOf('\n', start);
    const stop = end === -1 ? doc.length : end;
    if (wanted.has(line))
      lines.set(line, typeof doc === 'string' ? doc.slice(start, stop) : doc.toString('utf8', start, stop));
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

function columnOfStartTag(lineText: string, local: string): number {
  const escaped = local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escaped}(?=[\\s/>])`).exec(lineText);
  return m ? m.index + 1 : 0;
}
