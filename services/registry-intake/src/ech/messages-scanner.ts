import { NS } from './ech-namespaces.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EMPTY = Buffer.alloc(0);

const TAG_NAME = /^<([^\s/>]+)/;
const XMLNS_ATTRIBUTE = /\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Finds where a base delivery may be cut into validation pieces, without parsing it: the ends of the `messages`
 * elements directly inside the event element (`baseDelivery` or `keyExchange`), and the end of the document.
 *
 * It only has to find boundaries, because every piece is parsed and validated in full by libxml2 afterwards
 * (validation-windows.ts): a document that is not well-formed fails there, with libxml2's line and message. So it
 * reads markup just far enough to know its depth: comments, CDATA sections and processing instructions are stepped
 * over whole (they may contain `</x:messages>` as text), start tags end at the first `>` outside quotes, and only
 * the start tags directly inside the event element are read for their name and namespace declarations.
 *
 * The delivery's UTF-8 bytes come in chunks as they arrive (markup is ASCII, so bytes suffice); positions count
 * bytes from the first chunk on.
 */
export class MessagesScanner {
  /** Unscanned text at the end of the last chunk (an incomplete tag), and its position. */
  private carry: Buffer = EMPTY;
  private carryAt = 0;
  /** Inside a comment, CDATA section or processing instruction: the text that ends it. */
  private inside: string | undefined;
  /** 0 = directly inside the event element; -1 = inside the root after the event element; -2 = after the root. */
  private depth = 0;
  private inMessages = false;
  private lastMessagesEnd = -1;
  private messagesClosed = 0;
  /**
   * Where a piece may end: just past the last `messages` that another `messages` follows (-1: nowhere yet). The
   * last `messages` of the delivery is never a cut point, so the final piece, which carries the document's real
   * end, always holds at least one person, as the schema demands.
   */
  cutAt = -1;
  /** `messages` before `cutAt`. */
  messagesBeforeCut = 0;

  /**
   * @param outerDepth  depth of the event element in the document (for the nesting limit)
   * @param namespaceOf resolves a prefix ('' = default namespace) in the scope of the event element
   */
  constructor(
    private readonly outerDepth: number,
    private readonly maxDepth: number,
    private readonly namespaceOf: (prefix: string) => string | undefined,
  ) {}

  /** True once the root element has closed: what follows is the document's tail. */
  get documentClosed(): boolean {
    return this.depth <= -2;
  }

  /** Scans the next chunk up to its last complete piece of markup. Returns false when nesting goes deeper than the limit. */
  scan(chunk: Uint8Array): boolean {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const text = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    const at = this.carryAt;
    let pos = 0;
    if (this.inside) {
      const end = text.indexOf(this.inside);
      if (end === -1) return this.keep(text, at, Math.max(0, text.length - this.inside.length + 1));
      pos = end + this.inside.length;
      this.inside = undefined;
    }
    for (;;) {
      const lt = text.indexOf(LT, pos);
      if (lt === -1) return this.keep(text, at, text.length);
      const next = lt + 1 < text.length ? text[lt + 1] : -1;
      let end: number;
      if (next === -1) end = -1;
      else if (next === SLASH) end = this.closeTag(text, lt, at);
      else if (next === BANG) end = this.declaration(text, lt);
      else if (next === QUESTION) end = this.stepOver(text, '?>', lt + 2);
      else end = this.startTag(text, lt, at);
      if (end === -1) return this.keep(text, at, lt);
      if (this.inside) return this.keep(text, at, end);
      pos = end;
      if (this.outerDepth + this.depth > this.maxDepth) return false;
    }
  }

  /** Keeps `text` from `from` on for the next chunk. */
  private keep(text: Buffer, at: number, from: number): true {
    // A copy: the chunk's memory belongs to the caller's piece.
    this.carry = from >= text.length ? EMPTY : Buffer.from(text.subarray(from));
    this.carryAt = at + from;
    return true;
  }

  /** Past a comment's, CDATA section's or instruction's end; or, when it is not in this chunk, where to look next. */
  private stepOver(text: Buffer, terminator: string, from: number): number {
    const end = text.indexOf(terminator, from);
    if (end !== -1) return end + terminator.length;
    this.inside = terminator;
    return Math.max(from, text.length - terminator.length + 1);
  }

  /** `<!--…-->`, `<![CDATA[…]]>`, or anything else after `<!` (not allowed here; libxml2 says so) up to `>`. */
  private declaration(text: Buffer, lt: number): number {
    if (text.length - lt < 9) return -1; // not yet enough text to tell which
    const opening = text.toString('latin1', lt, lt + 9);
    if (opening.startsWith('<!--')) return this.stepOver(text, '-->', lt + 4);
    if (opening === '<![CDATA[') return this.stepOver(text, ']]>', lt + 9);
    const gt = text.indexOf(GT, lt + 2);
    return gt === -1 ? -1 : gt + 1;
  }

  private closeTag(text: Buffer, lt: number, at: number): number {
    const gt = text.indexOf(GT, lt + 2);
    if (gt === -1) return -1;
    this.depth--;
    if (this.depth === 0 && this.inMessages) this.messagesEnd(at + gt + 1);
    if (this.depth <= 0) this.inMessages = false;
    return gt + 1;
  }

  private startTag(text: Buffer, lt: number, at: number): number {
    const gt = endOfStartTag(text, lt);
    if (gt === -1) return -1;
    if (text[gt] === LT) return gt; // no tag (libxml2 will say so): go on at the next `<`
    const end = gt + 1;
    const selfClosing = text[gt - 1] === SLASH;
    if (this.depth === 0) {
      this.inMessages = this.isMessages(text.toString('utf8', lt, end));
      if (this.inMessages && this.messagesClosed > 0) {
        this.cutAt = this.lastMessagesEnd;
        this.messagesBeforeCut = this.messagesClosed;
      }
      if (selfClosing && this.inMessages) this.messagesEnd(at + end);
    }
    if (!selfClosing) this.depth++;
    return end;
  }

  private messagesEnd(at: number): void {
    this.lastMessagesEnd = at;
    this.messagesClosed++;
  }

  /** Whether a start tag directly inside the event element is eCH-0020 `messages` (its own xmlns first). */
  private isMessages(tag: string): boolean {
    const qname = TAG_NAME.exec(tag)?.[1] ?? '';
    const attributes = tag.slice(qname.length + 1);
    const colon = qname.indexOf(':');
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    if (local !== 'messages') return false;
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    let uri: string | undefined;
    if (attributes.includes('xmlns')) {
      for (const d of attributes.matchAll(XMLNS_ATTRIBUTE)) if ((d[1] ?? '') === prefix) uri = d[2] ?? d[3];
    }
    return (uri ?? this.namespaceOf(prefix)) === NS.e20;
  }
}

/**
 * The `>` ending the start tag at `lt` (a `>` inside a quoted attribute value does not end it), or the next `<` when
 * this is no tag (a start tag cannot contain `<`); -1 when the tag is incomplete.
 */
function endOfStartTag(text: Buffer, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) {
      return i;
    } else if (c === QUOTE || c === APOSTROPHE) {
      quote = c;
    } else if (c === LT) {
      return i;
    }
  }
  return -1;
}
