import type { EchRecord } from './ech-record.types.js';
import type { IntakeIssue } from './intake-refusal.js';

/** A validated piece of a base delivery: its issues, and its persons when it has none. */
export interface PieceResult {
  issues: IntakeIssue[];
  records: EchRecord[];
}

/** Anything that validates XML documents against the eCH-0020 v3 schema (EchSchemaValidator). */
export interface SchemaValidation {
  /** Validates one complete document. */
  validate(text: string): IntakeIssue[] | Promise<IntakeIssue[]>;
  /**
   * Validates one piece (a complete document in UTF-8, which may be handed over to another thread: the caller must
   * not use it afterwards) and reads the persons of its `baseDelivery`, numbered from `firstIndex`.
   */
  readWindow(doc: Uint8Array, firstIndex: number): PieceResult | Promise<PieceResult>;
}

/**
 * libxml2 gets a JavaScript string, i.e. UTF-8, whatever the delivery was encoded in; the XML declaration must say
 * so or libxml2 would decode it a second time. Only the declaration's encoding is rewritten, so lines stay put.
 */
export function declareUtf8(text: string): string {
  return text.replace(/^(\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"');
}

/** Lines of UTF-8 bytes, and the characters of their last line (bytes that do not continue a character). */
function lineShapeOf(chunks: Uint8Array[]): { lines: number; lastLineLength: number } {
  let lines = 1;
  let lastLineLength = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
      lines++;
      lastLineLength = 0;
      from = i + 1;
    }
    for (let i = from; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) lastLineLength++;
  }
  return { lines, lastLineLength };
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
 * Validates and reads a base delivery (or key exchange) piece by piece with flat memory. A piece is the delivery's own
 * beginning (declaration, root, header, `<baseDelivery>`, the "prefix"), a run of whole `messages` elements cut
 * from the stream, and synthetic end tags. Because eCH-0020 declares `messages` as `maxOccurs="unbounded"` and has
 * no identity constraints (xs:key/unique) or ID references across persons, the delivery is valid exactly when every
 * piece is: the last piece carries the real end of the document, so nothing after the last person escapes.
 * Positions in libxml2's messages, and the persons' lines, are mapped back to those of the original delivery.
 */
export class WindowedValidation {
  private readonly prefix: Buffer;
  private readonly end: Buffer;
  private readonly prefixLines: number;
  private readonly prefixLastLineLength: number;
  private readonly seen = new Set<string>();
  /** Where the next piece starts in the delivery: 1-based line, 0-based column index. */
  private line: number;
  private column: number;
  /** Position of the next piece's first `messages` in the delivery. */
  private nextIndex = 0;

  constructor(
    private readonly validator: SchemaValidation,
    prefix: string,
    /** End tags closing the event element and the root, in the delivery's own prefixes. */
    syntheticEnd: string,
    start: { line: number; column: number },
  ) {
    this.line = start.line;
    this.column = start.column;
    this.prefix = Buffer.from(declareUtf8(prefix), 'utf8');
    this.end = Buffer.from(syntheticEnd, 'utf8');
    const shape = lineCountAndLastLine(prefix);
    this.prefixLines = shape.lines;
    this.prefixLastLineLength = shape.lastLineLength;
  }

  /** Line in the delivery where the next piece starts. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Validates and reads the next piece. Pieces are handed in in document order (each call takes its position in the
   * delivery at once) and may be in flight together.
   * @param body     the run of `messages` (or the delivery's tail when `final`), UTF-8 bytes as they came
   * @param messages how many `messages` the run holds
   */
  async read(body: Uint8Array[], messages: number, final: boolean): Promise<PieceResult> {
    const { line, column, nextIndex } = this;
    const shape = lineShapeOf(body);
    this.line += shape.lines - 1;
    this.column = shape.lines > 1 ? shape.lastLineLength : this.column + shape.lastLineLength;
    this.nextIndex += messages;
    const { issues, records } = await this.validator.readWindow(this.document(body, final), nextIndex);
    for (const record of records)
      record.line = this.map({ line: record.line, column: 0, message: '' }, line, column).line;
    const mapped: IntakeIssue[] = [];
    for (const issue of issues) {
      const m = this.map(issue, line, column);
      const key = `${m.line}:${m.column}:${m.message}`;
      if (this.seen.has(key)) continue; // errors in the header repeat in every piece
      this.seen.add(key);
      mapped.push(m);
    }
    return { issues: mapped, records };
  }

  /** The piece as one document in memory of its own (it may be handed over to a worker thread). */
  private document(body: Uint8Array[], final: boolean): Uint8Array {
    const end = final ? 0 : this.end.length;
    let length = this.prefix.length + end;
    for (const chunk of body) length += chunk.byteLength;
    const doc = new Uint8Array(length);
    doc.set(this.prefix, 0);
    let at = this.prefix.length;
    for (const chunk of body) {
      doc.set(chunk, at);
      at += chunk.byteLength;
    }
    if (!final) doc.set(this.end, at);
    return doc;
  }

  private map(issue: IntakeIssue, line: number, column: number): IntakeIssue {
    if (issue.line <= 0 || issue.line < this.prefixLines) return issue;
    const offset = issue.line - this.prefixLines;
    if (offset === 0 && issue.column > 0 && issue.column <= this.prefixLastLineLength) return issue; // inside the prefix
    const originalColumn =
      offset === 0 && issue.column > 0 ? column + (issue.column - this.prefixLastLineLength) : issue.column;
    return { ...issue, line: line + offset, column: originalColumn };
  }
}
