import type { EchRecord } from './ech-record.types.js';
import type { IntakeLimits } from './intake-limits.js';
import { refusal, type IntakeRefusal } from './intake-refusal.js';
import { MessagesScanner } from './messages-scanner.js';
import { WindowedValidation, type PieceResult, type SchemaValidation } from './validation-windows.js';

export interface DeliveryPiecesOptions {
  validator: SchemaValidation;
  limits: IntakeLimits;
  /** The delivery up to and with the event element's start tag (declaration, root, header, `<baseDelivery>`). */
  prefix: string;
  /** End tags closing the event element and the root, in the delivery's own prefixes. */
  syntheticEnd: string;
  /** Where the pieces start in the delivery: 1-based line, 0-based column index. */
  start: { line: number; column: number };
  /** The event element: its name for messages, its depth for the nesting limit, its namespace scope. */
  eventElement: string;
  depth: number;
  namespaceOf: (prefix: string) => string | undefined;
  /** Records that precede the first piece's own (a key exchange's single log record). */
  before: EchRecord[];
  /** Receives each piece in document order, with the records that precede its own. */
  submit: (result: Promise<PieceResult>, before: EchRecord[]) => void;
}

/**
 * The part of a base delivery (or key exchange) after its event element's start tag, cut into validation pieces as
 * its UTF-8 bytes arrive: MessagesScanner says where a piece may end, WindowedValidation validates and reads each
 * piece. At most one piece of bytes (≈ `windowBytes`, more only for one very large entry) is held.
 */
export class DeliveryPieces {
  private readonly scanner: MessagesScanner;
  private readonly windows: WindowedValidation;
  /** Bytes of the next piece as they came, their length, and their start (scanner positions). */
  private chunks: Uint8Array[] = [];
  private length = 0;
  private start = 0;
  /** `messages` in the pieces cut so far. */
  private messagesCut = 0;
  private before: EchRecord[];

  constructor(private readonly options: DeliveryPiecesOptions) {
    this.windows = new WindowedValidation(options.validator, options.prefix, options.syntheticEnd, options.start);
    this.scanner = new MessagesScanner(options.depth, options.limits.maxDepth, options.namespaceOf);
    this.before = options.before;
  }

  /** Line in the delivery where the next piece starts (for messages about it). */
  get nextLine(): number {
    return this.windows.nextLine;
  }

  /** Takes the next bytes and cuts a piece when a run of whole `messages` of `windowBytes` is there. */
  push(chunk: Uint8Array): IntakeRefusal | undefined {
    const { limits, eventElement } = this.options;
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
    if (this.length > limits.maxSingleDocumentChars) {
      return refusal(
        'too-large',
        `one entry of the ${eventElement} (from line ${this.nextLine}) is larger than ${limits.maxSingleDocumentChars} characters`,
      );
    }
    if (!this.scanner.scan(chunk))
      return refusal(
        'too-deep',
        `elements are nested deeper than ${limits.maxDepth} levels (from line ${this.nextLine})`,
      );
    if (this.scanner.cutAt - this.start >= limits.windowBytes) this.cut(this.scanner.cutAt);
    return undefined;
  }

  /** The rest, which carries the document's real end, as the last piece; a refusal when the document is incomplete. */
  finish(): IntakeRefusal | undefined {
    if (!this.scanner.documentClosed)
      return refusal('truncated', 'the delivery ends before its root element is closed');
    this.options.submit(this.windows.read(this.chunks, 0, true), this.before);
    this.chunks = [];
    return undefined;
  }

  /** Hands the bytes up to `end` (the scanner's cut point) to the validator as the next piece. */
  private cut(end: number): void {
    const body: Uint8Array[] = [];
    for (let need = end - this.start; need > 0;) {
      const chunk = this.chunks[0];
      if (chunk.byteLength <= need) {
        body.push(chunk);
        this.chunks.shift();
        need -= chunk.byteLength;
      } else {
        body.push(chunk.subarray(0, need));
        this.chunks[0] = chunk.subarray(need);
        need = 0;
      }
    }
    const messages = this.scanner.messagesBeforeCut - this.messagesCut;
    this.options.submit(this.windows.read(body, messages, false), this.before);
    this.messagesCut = this.scanner.messagesBeforeCut;
    this.before = [];
    this.length -= end - this.start;
    this.start = end;
  }
}
