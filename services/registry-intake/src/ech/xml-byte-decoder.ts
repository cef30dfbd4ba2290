import { TextDecoder } from 'node:util';
import { refusal, type IntakeRefusal } from './intake-refusal.js';

/** Encodings a delivery may use; eCH deliveries are UTF-8 in practice, older ones sometimes ISO-8859-1. */
const SUPPORTED = new Map<string, string>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['iso-8859-1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['iso-8859-15', 'iso-8859-15'],
  ['windows-1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['us-ascii', 'utf-8'],
  ['ascii', 'utf-8'],
]);

const SNIFF_BYTES = 512;

/**
 * Turns the bytes of a delivery into text as they arrive. The encoding comes from a byte order mark or the XML
 * declaration, as XML 1.0 Appendix F describes; a malformed byte sequence refuses the delivery rather than
 * silently becoming U+FFFD in a name.
 */
export class XmlByteDecoder {
  private decoder?: TextDecoder;
  private head: Uint8Array[] = [];
  private headLength = 0;
  encoding = 'utf-8';
  /** Whether the first bytes look like markup; decides between "not XML" and "not well-formed" on bad bytes. */
  private markup = true;
  /** UTF-8 only: the bytes of an incomplete character at the end of the last chunk, decoded with the next one. */
  private partial: Uint8Array | undefined;
  private released = false;

  push(bytes: Uint8Array): string | IntakeRefusal {
    if (this.released) throw new Error('the decoder has released its bytes');
    if (this.decoder) return this.decode(bytes, true);
    this.head.push(bytes);
    this.headLength += bytes.byteLength;
    if (this.headLength < SNIFF_BYTES) return '';
    return this.start(true);
  }

  end(): string | IntakeRefusal {
    if (!this.decoder) {
      if (this.headLength === 0) return '';
      const started = this.start(false);
      if (typeof started !== 'string') return started;
      return started + this.flush();
    }
    return this.flush();
  }

  private start(stream: boolean): string | IntakeRefusal {
    const head = Buffer.concat(this.head);
    this.head = [];
    const label = sniff(head);
    const start = Buffer.from(head.subarray(0, 64))
      .toString('latin1')
      .replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '');
    this.markup = /^\s*</.test(start.split('\u0000').join(''));
    const encoding = SUPPORTED.get(label.toLowerCase());
    if (!encoding) {
      return refusal(
        'unsupported-encoding',
        `the delivery declares encoding "${label}"; accepted are UTF-8, UTF-16 and ISO-8859-1/Windows-1252`,
      );
    }
    this.encoding = label.toLowerCase();
    this.decoder = new TextDecoder(encoding, { fatal: true });
    return this.decode(head, stream);
  }

  /**
   * For a UTF-8 delivery: stops decoding and returns the bytes not yet decoded (at most an incomplete character);
   * the caller takes the following bytes as they are. Undefined for other encodings, which must be decoded on.
   */
  release(): Uint8Array | undefined {
    if (!this.decoder || this.decoder.encoding !== 'utf-8') return undefined;
    this.released = true;
    return this.partial ?? new Uint8Array(0);
  }

  private decode(bytes: Uint8Array, stream: boolean): string | IntakeRefusal {
    if (this.decoder?.encoding === 'utf-8') {
      // Decoded up to the last complete character, so that no byte is ever held inside the TextDecoder (see release).
      const all = this.partial ? Buffer.concat([this.partial, bytes]) : bytes;
      const end = stream ? completeUtf8Length(all) : all.length;
      this.partial = end < all.length ? all.subarray(end) : undefined;
      bytes = end < all.length ? all.subarray(0, end) : all;
    }
    try {
      return (this.decoder as TextDecoder).decode(bytes, { stream });
    } catch {
      return this.markup
        ? refusal(
            'not-well-formed',
            `the delivery is not valid ${this.encoding}: it contains a byte sequence that is no character`,
          )
        : refusal(
            'not-xml',
            `the delivery is not XML: it does not start with markup and is not valid ${this.encoding} text`,
          );
    }
  }

  private flush(): string | IntakeRefusal {
    if (this.released) return '';
    const rest = this.partial;
    this.partial = undefined;
    try {
      return rest ? (this.decoder as TextDecoder).decode(rest) : (this.decoder as TextDecoder).decode();
    } catch {
      return refusal('truncated', `the delivery ends inside a ${this.encoding} character`);
    }
  }
}

function sniff(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
  if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
  const ascii = Buffer.from(head.subarray(0, 200)).toString('latin1');
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(ascii);
  return m ? m[1] : 'utf-8';
}

/** Length of the longest prefix of `bytes` that ends with a complete UTF-8 character (or with invalid bytes). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}
