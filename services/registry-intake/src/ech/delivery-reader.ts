import { SaxesParser, type SaxesTagNS } from 'saxes';
import { NS } from './ech-namespaces.js';
import { isUnusedPart } from './ech-unused-parts.js';
import { readEventRecord, readHeader, RecordShapeError } from './ech-record-reader.js';
import type { DeliveryHeader, EchRecord } from './ech-record.types.js';
import { DEFAULT_LIMITS, type IntakeLimits } from './intake-limits.js';
import { IntakeRefusedError, refusal, type IntakeIssue, type IntakeRefusal } from './intake-refusal.js';
import { rootRefusal } from './root-element.js';
import { DeliveryPieces } from './delivery-pieces.js';
import { ValidatedPieces } from './validated-pieces.js';
import { declareUtf8, type SchemaValidation } from './validation-windows.js';
import { XmlByteDecoder } from './xml-byte-decoder.js';
import { SubtreeBuilder, type XNode } from './xml-subtree.js';

export type DeliveryInput = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface ReadDeliveryOptions {
  validator: SchemaValidation;
  limits?: Partial<IntakeLimits>;
  /**
   * Receives each record once the part of the delivery holding it has passed schema validation, in document
   * order. Records of a base delivery arrive while later parts are still being read: stage them and act on them
   * only when the result is `accepted`. Throwing IntakeRefusedError refuses the whole delivery.
   */
  onRecord?: (record: EchRecord, header: DeliveryHeader) => void | Promise<void>;
}

export type DeliveryReadResult =
  | {
      status: 'accepted';
      header: DeliveryHeader;
      /** The eCH-0020 element under `delivery`, e.g. `moveIn` or `baseDelivery`. */
      eventElement: string;
      records: number;
      bytes: number;
      /** Pieces validated (1 for a single-event delivery). */
      validatedPieces: number;
      encoding: string;
    }
  | { status: 'refused'; refusal: IntakeRefusal; header?: DeliveryHeader; eventElement?: string; bytes: number };

/** Elements under `delivery` whose `messages` children are read and validated piece by piece. */
const WINDOWED_EVENTS = new Set(['baseDelivery', 'keyExchange']);

const CHUNK_CHARS = 64 * 1024;

/**
 * saxes hands out namespace URIs as slices of the document text; mapping them to the constants in NS once per
 * element makes every later comparison an identity check instead of a character-by-character one.
 */
const CANONICAL_NS = new Map<string, string>(Object.values(NS).map((uri) => [uri, uri]));

function canonicalNs(uri: string | undefined): string {
  if (uri === undefined) return '';
  return CANONICAL_NS.get(uri) ?? uri;
}

/**
 * Reads one eCH-0020 v3.0 delivery as a stream: checks it is safe and of the accepted version, validates it
 * against the XSD and turns each event (or each person of a base delivery) into a plain record. Memory stays flat
 * for any size: a base delivery is held at most one validation piece (≈ `windowBytes`) at a time.
 *
 * saxes reads everything up to the event element. A single event is then read by saxes too and validated as one
 * document. A base delivery's persons are not parsed here at all: MessagesScanner finds where pieces may be cut,
 * and the validator parses, validates and reads each piece once, in worker threads (validation-windows.ts).
 *
 * Safety: any DOCTYPE is refused on sight (no DTD, so no external entities and no entity expansion), only the five
 * predefined entities exist, and size, depth and text length are bounded before anything is kept. Nothing from
 * the document is ever fetched: the validator resolves schemas from the local catalog only.
 */
export async function readDelivery(input: DeliveryInput, options: ReadDeliveryOptions): Promise<DeliveryReadResult> {
  const reader = new DeliveryStreamReader(options);
  return reader.run(input);
}

class DeliveryStreamReader {
  private readonly limits: IntakeLimits;
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly decoder = new XmlByteDecoder();
  private fatal: IntakeRefusal | undefined;
  private issues: IntakeIssue[] = [];
  private bytes = 0;
  private charsSinceMarkup = 0;

  private depth = 0;
  private rootName = '';
  /** Namespace declarations of the root element, for the scanner's scope. */
  private rootNamespaces: Record<string, string> = {};
  private rootSeen = false;
  private header: DeliveryHeader | undefined;
  private eventElement: string | undefined;
  private capture: SubtreeBuilder | undefined;
  private captureKind: 'header' | 'event' | undefined;

  /** Text read by saxes: a whole single-event delivery, or a base delivery up to its event element. */
  private buffer = '';
  /** A base delivery after its event element's start tag. */
  private pieces: DeliveryPieces | undefined;
  /** A UTF-8 base delivery's bytes go to the pieces as they come, without being decoded here. */
  private bytesPass = false;
  private singleRecords: EchRecord[] = [];

  private readonly validated: ValidatedPieces;
  private submitted = 0;
  private released = 0;
  private readonly ready: EchRecord[] = [];

  constructor(private readonly options: ReadDeliveryOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.validated = new ValidatedPieces(this.limits.maxIssues);
    this.attachHandlers();
  }

  async run(input: DeliveryInput): Promise<DeliveryReadResult> {
    try {
      for await (const chunk of chunksOf(input)) {
        this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        if (this.bytes > this.limits.maxBytes) {
          this.fail(refusal('too-large', `the delivery exceeds ${this.limits.maxBytes} bytes`));
          break;
        }
        if (this.bytesPass && typeof chunk !== 'string') {
          this.feedPieceBytes(chunk);
        } else {
          const text = typeof chunk === 'string' ? chunk : this.decoder.push(chunk);
          if (typeof text !== 'string') {
            this.fail(text);
            break;
          }
          this.feed(text);
          if (this.pieces && !this.bytesPass && typeof chunk !== 'string') this.passBytes();
        }
        await this.settle(false);
        if (this.stopped) break;
      }
      if (!this.stopped) {
        const tail = this.decoder.end();
        if (typeof tail !== 'string') this.fail(tail);
        else {
          this.feed(tail);
          this.finish();
        }
      }
      await this.settle(true);
    } catch (error) {
      if (error instanceof IntakeRefusedError) this.fail(error.refusal);
      else if (error instanceof RecordShapeError) this.fail(refusal('schema-invalid', error.message));
      else throw error;
    }
    return this.result();
  }

  private get stopped(): boolean {
    return this.fatal !== undefined || this.validated.full;
  }

  private fail(r: IntakeRefusal): void {
    this.fatal ??= r;
  }

  private result(): DeliveryReadResult {
    if (this.fatal)
      return {
        status: 'refused',
        refusal: this.fatal,
        header: this.header,
        eventElement: this.eventElement,
        bytes: this.bytes,
      };
    const issues = this.validated.issues;
    if (issues.length > 0) {
      const first = issues[0];
      return {
        status: 'refused',
        refusal: refusal(
          'schema-invalid',
          `the delivery is not valid eCH-0020 v3.0: ${issues.length}${this.validated.full ? '+' : ''} error(s), the first at line ${first.line}, column ${first.column}: ${first.message}`,
          issues,
        ),
        header: this.header,
        eventElement: this.eventElement,
        bytes: this.bytes,
      };
    }
    if (!this.header || !this.eventElement) {
      // Unreachable for a schema-valid delivery (both are required), kept so a broken validator cannot accept one.
      return {
        status: 'refused',
        refusal: refusal('schema-invalid', 'the delivery has no header or no event'),
        bytes: this.bytes,
      };
    }
    return {
      status: 'accepted',
      header: this.header,
      eventElement: this.eventElement,
      records: this.validated.released,
      bytes: this.bytes,
      validatedPieces: this.validated.submitted,
      encoding: this.decoder.encoding,
    };
  }

  /** Feeds decoded text to the parser in bounded chunks, with the guards that must run before saxes buffers. */
  private feed(text: string): void {
    for (let i = 0; i < text.length && !this.stopped; i += CHUNK_CHARS) {
      const chunk = text.length <= CHUNK_CHARS ? text : text.slice(i, i + CHUNK_CHARS);
      if (!this.checkTextRun(chunk.indexOf('<'), chunk.lastIndexOf('<'), chunk.length)) return;
      if (this.pieces) {
        this.feedPiece(Buffer.from(chunk, 'utf8'));
        continue;
      }
      this.buffer += chunk;
      if (this.buffer.length > this.limits.maxSingleDocumentChars) {
        this.fail(
          refusal(
            'too-large',
            `a delivery other than baseDelivery/keyExchange may have at most ${this.limits.maxSingleDocumentChars} characters; this one is larger`,
          ),
        );
        return;
      }
      this.parser.write(chunk);
      if (this.pieces) {
        // The event element opened in this chunk: what follows its start tag is the first piece's.
        const rest = this.buffer;
        this.buffer = '';
        this.feedPiece(Buffer.from(rest, 'utf8'));
      }
    }
  }

  /**
   * Bounds the characters between two markup characters (`<`) before anything is buffered: a text, comment or
   * attribute value cannot grow without limit. In a base delivery's pieces it counts bytes.
   */
  private checkTextRun(first: number, last: number, length: number): boolean {
    const run = first === -1 ? this.charsSinceMarkup + length : this.charsSinceMarkup + first;
    if (run > this.limits.maxTextRun) {
      this.fail(
        refusal(
          'text-too-long',
          `a text, comment or attribute near line ${this.lineHint} is longer than ${this.limits.maxTextRun} characters`,
        ),
      );
      return false;
    }
    this.charsSinceMarkup = first === -1 ? run : length - last - 1;
    return true;
  }

  /** From now on the delivery's bytes go to the pieces undecoded (UTF-8 only; markup is found in bytes). */
  private passBytes(): void {
    const held = this.decoder.release();
    if (!held) return;
    this.bytesPass = true;
    if (held.length > 0) this.feedPieceBytes(held);
  }

  private feedPieceBytes(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.checkTextRun(bytes.indexOf(0x3c), bytes.lastIndexOf(0x3c), bytes.length)) this.feedPiece(bytes);
  }

  private get lineHint(): number {
    return this.pieces ? this.pieces.nextLine : this.parser.line;
  }

  private feedPiece(chunk: Uint8Array): void {
    const refused = (this.pieces as DeliveryPieces).push(chunk); // only called once the pieces exist
    if (refused) this.fail(refused);
  }

  private finish(): void {
    if (this.stopped) return;
    if (this.bytes === 0 || (!this.rootSeen && this.buffer.trim() === '')) {
      this.fail(refusal('empty', 'the delivery is empty'));
      return;
    }
    if (this.pieces) {
      const refused = this.pieces.finish();
      if (refused) this.fail(refused);
    } else {
      this.parser.close();
      if (this.depth > 0) this.fail(refusal('truncated', 'the delivery ends before its root element is closed'));
      if (this.stopped) return;
      const records = this.singleRecords;
      this.validated.submit(
        Promise.resolve(this.options.validator.validate(declareUtf8(this.buffer))).then((issues) => ({
          issues,
          records: [],
        })),
        records,
      );
    }
    this.buffer = '';
  }

  /** Hands the records of validated pieces on (see ValidatedPieces); a base delivery's records need its header. */
  private async settle(all: boolean): Promise<void> {
    const { onRecord } = this.options;
    const header = this.header;
    await this.validated.settle(
      all,
      () => this.stopped,
      onRecord && header ? (record) => onRecord(record, header) : undefined,
    );
  }

  /**
   * Only handlers saxes declares in its constructor are set: assigning another one (e.g. `end`) gives the parser a
   * new hidden class and makes V8 deoptimise saxes' inner loop for every parser in the process (measured 3.5× slower).
   */
  private attachHandlers(): void {
    const p = this.parser;
    p.on('doctype', () => {
      this.fail(
        refusal(
          'dtd-forbidden',
          `the delivery contains a DOCTYPE (line ${p.line}); DTDs and entity declarations are refused`,
          [{ line: p.line, column: p.column, message: 'DOCTYPE not allowed' }],
        ),
      );
    });
    p.on('error', (error) => {
      if (this.fatal || this.pieces) return; // past the event element's start the pieces' parse by libxml2 decides
      const message = error.message.replace(/^[^:]*:\d+:\d+: /, '');
      const issue = { line: p.line, column: p.column + 1, message };
      if (!this.rootSeen)
        this.fail(
          refusal('not-xml', `the delivery is not XML: ${message} (line ${p.line}, column ${p.column + 1})`, [issue]),
        );
      else if (p.closed || /unclosed|unexpected end/i.test(message))
        this.fail(
          refusal('truncated', `the delivery ends before the document is complete: ${message} (line ${p.line})`, [
            issue,
          ]),
        );
      else
        this.fail(
          refusal(
            'not-well-formed',
            `the delivery is not well-formed XML: ${message} (line ${p.line}, column ${p.column + 1})`,
            [issue],
          ),
        );
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.close());
    p.on('text', (text) => this.capture?.text(text));
    p.on('cdata', (text) => this.capture?.text(text));
  }

  private open(tag: SaxesTagNS): void {
    if (this.fatal || this.pieces) return;
    this.depth++;
    if (this.depth > this.limits.maxDepth) {
      this.fail(
        refusal(
          'too-deep',
          `elements are nested deeper than ${this.limits.maxDepth} levels (line ${this.parser.line})`,
        ),
      );
      return;
    }
    const ns = canonicalNs(tag.uri);
    if (this.depth === 1) {
      this.rootSeen = true;
      this.rootName = tag.name;
      this.checkRoot(tag);
      return;
    }
    if (this.capture) {
      this.capture.start(ns, tag.local, isNil(tag), this.parser.line);
      return;
    }
    if (this.depth === 2 && ns === NS.e20) {
      if (tag.local === 'deliveryHeader') this.startCapture('header', tag);
      else {
        this.eventElement ??= tag.local;
        if (WINDOWED_EVENTS.has(tag.local)) this.startPieces(tag);
        else this.startCapture('event', tag);
      }
    }
  }

  private close(): void {
    if (this.fatal || this.pieces) return;
    this.depth--;
    if (this.capture) {
      const root = this.capture.end();
      if (root) this.finishCapture(root);
    }
  }

  private checkRoot(tag: SaxesTagNS): void {
    const refused = rootRefusal(tag.uri ?? '', tag.local, tag.attributes.version?.value, this.parser.line);
    if (refused) this.fail(refused);
    else this.rootNamespaces = { ...tag.ns };
  }

  private startCapture(kind: 'header' | 'event', tag: SaxesTagNS): void {
    this.capture = new SubtreeBuilder(isUnusedPart);
    this.captureKind = kind;
    this.capture.start(canonicalNs(tag.uri), tag.local, false, this.parser.line);
  }

  private finishCapture(root: XNode): void {
    const kind = this.captureKind;
    this.capture = undefined;
    this.captureKind = undefined;
    if (kind === 'header') this.header = readHeader(root);
    else if (kind === 'event') this.singleRecords.push(readEventRecord(root));
  }

  private startPieces(tag: SaxesTagNS): void {
    const end = this.parser.position;
    const prefix = this.buffer.slice(0, end);
    if (prefix.length > this.limits.maxHeaderChars) {
      this.fail(
        refusal(
          'too-large',
          `the part before the first person is larger than ${this.limits.maxHeaderChars} characters`,
        ),
      );
      return;
    }
    // A key exchange lists persons only to align ids; it is read for validity and logged as one unused event.
    const before: EchRecord[] =
      tag.local === 'keyExchange' ? [{ kind: 'other', echEvent: 'keyExchange', line: this.parser.line }] : [];
    const scope: Record<string, string> = { ...this.rootNamespaces, ...tag.ns };
    this.pieces = new DeliveryPieces({
      validator: this.options.validator,
      limits: this.limits,
      prefix,
      syntheticEnd: `</${tag.name}></${this.rootName}>`,
      start: { line: this.parser.line, column: this.parser.columnIndex },
      eventElement: tag.local,
      depth: this.depth,
      namespaceOf: (p) => scope[p],
      before,
      submit: (result, records) => this.validated.submit(result, records),
    });
    this.buffer = this.buffer.slice(end);
  }
}

function isNil(tag: SaxesTagNS): boolean {
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === 'nil' && a.uri === NS.xsi) return a.value === 'true' || a.value === '1';
  }
  return false;
}

async function* chunksOf(input: DeliveryInput): AsyncIterable<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield input;
    return;
  }
  yield* input as AsyncIterable<Uint8Array | string>;
}
