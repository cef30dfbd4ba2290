import type { IntakeIssue } from './intake-refusal.js';

/** Anything that validates one complete XML document against the eCH-0020 v3 schema. */
export interface SchemaValidation {
  validate(text: string): IntakeIssue[] | Promise<IntakeIssue[]>;
}

/**
 * libxml2 gets a JavaScript string, i.e. UTF-8, whatever the delivery was encoded in; the XML declaration must say
 * so or libxml2 would decode it a second time. Only the declaration's encoding is rewritten, so lines stay put.
 */
export function declareUtf8(text: string): string {
  return text.replace(/^(\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"');
}

function lineCountAndLastLine(text: string): { lines: number; lastLineLength: number } {
  let lines = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    last = i;
  }
  return { lines, lastLineLength: text.length - last - 1 };
}

/**
 * Validates a base delivery (or key exchange) piece by piece with flat memory. A piece is the delivery's own
 * beginning (declaration, root, header, `<baseDelivery>`, the "prefix"), a run of whole `messages` elements cut
 * from the stream, and synthetic end tags. Because eCH-0020 declares `messages` as `maxOccurs="unbounded"` and has
 * no identity constraints (xs:key/unique) or ID references across persons, the delivery is valid exactly when every
 * piece is: the last piece carries the real end of the document, so nothing after the last person escapes.
 * Positions in libxml2's messages are mapped back to lines and columns of the original delivery.
 */
export class WindowedValidation {
  private readonly prefix: string;
  private readonly prefixLines: number;
  private readonly prefixLastLineLength: number;
  private readonly seen = new Set<string>();

  constructor(
    private readonly validator: SchemaValidation,
    prefix: string,
    /** End tags closing the event element and the root, in the delivery's own prefixes. */
    private readonly syntheticEnd: string,
  ) {
    this.prefix = declareUtf8(prefix);
    const shape = lineCountAndLastLine(prefix);
    this.prefixLines = shape.lines;
    this.prefixLastLineLength = shape.lastLineLength;
  }

  /**
   * @param text      the run of `messages` (or the delivery's tail when `final`)
   * @param line      1-based line in the delivery where `text` starts
   * @param column    0-based column index in that line where `text` starts
   */
  async validate(text: string, line: number, column: number, final: boolean): Promise<IntakeIssue[]> {
    const issues = await this.validator.validate(this.prefix + text + (final ? '' : this.syntheticEnd));
    const mapped: IntakeIssue[] = [];
    for (const issue of issues) {
      const m = this.map(issue, line, column);
      const key = `${m.line}:${m.column}:${m.message}`;
      if (this.seen.has(key)) continue; // errors in the header repeat in every piece
      this.seen.add(key);
      mapped.push(m);
    }
    return mapped;
  }

  private map(issue: IntakeIssue, line: number, column: number): IntakeIssue {
    if (issue.line <= 0 || issue.line < this.prefixLines) return issue;
    const offset = issue.line - this.prefixLines;
    if (offset === 0 && issue.column > 0 && issue.column <= this.prefixLastLineLength) return issue; // inside the prefix
    const originalColumn = offset === 0 && issue.column > 0 ? column + (issue.column - this.prefixLastLineLength) : issue.column;
    return { ...issue, line: line + offset, column: originalColumn };
  }
}
