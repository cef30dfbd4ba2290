import { describe, expect, it } from '@jest/globals';
import { NS } from './ech-namespaces.js';
import { MessagesScanner } from './messages-scanner.js';

const SCOPE: Record<string, string> = { e: NS.e20, x: 'urn:other' };

/**
 * Scans `text` (the content after `<e:baseDelivery>`) in chunks of `size` bytes; returns the cut points seen after
 * each chunk (byte by byte, that is every cut point), and the scanner.
 */
function scan(
  text: string,
  size = 1,
  maxDepth = 48,
): { cuts: Array<{ at: number; messages: number }>; scanner: MessagesScanner; ok: boolean } {
  const scanner = new MessagesScanner(2, maxDepth, (prefix) => SCOPE[prefix]);
  const bytes = Buffer.from(text, 'utf8');
  const cuts: Array<{ at: number; messages: number }> = [];
  let ok = true;
  for (let i = 0; i < bytes.length && ok; i += size) {
    ok = scanner.scan(bytes.subarray(i, i + size));
    const last = cuts.at(-1);
    if (scanner.cutAt >= 0 && scanner.cutAt !== last?.at)
      cuts.push({ at: scanner.cutAt, messages: scanner.messagesBeforeCut });
  }
  return { cuts, scanner, ok };
}

const person = (body = '<e:p><e:name a="x>y">Ä&amp;B</e:name></e:p>') => `<e:messages>${body}</e:messages>`;
const end = '</e:baseDelivery></e:delivery>';

describe('MessagesScanner: where a base delivery may be cut', () => {
  it('offers the end of every messages but the last, counting them', () => {
    const text = person() + '\n' + person() + person() + end;
    const { cuts, scanner } = scan(text);
    const first = Buffer.byteLength(person());
    expect(cuts.map((c) => c.messages)).toEqual([1, 2]);
    expect(cuts[0].at).toBe(first);
    expect(cuts[1].at).toBe(first + 1 + first);
    expect(scanner.documentClosed).toBe(true);
  });

  it('finds the same points whatever the chunks', () => {
    const text = [
      person(),
      '<!-- a comment -->',
      person('<e:p><![CDATA[ <x> ]]></e:p>'),
      '<?pi data?>',
      person(),
      person(),
      end,
    ].join('\n');
    const all = scan(text).cuts;
    expect(all).toHaveLength(3);
    for (const size of [2, 3, 7, 64, text.length]) {
      const { cuts, scanner } = scan(text, size);
      for (const cut of cuts) expect(all).toContainEqual(cut);
      expect(cuts.at(-1)).toEqual(all.at(-1));
      expect(scanner.documentClosed).toBe(true);
    }
  });

  it('is not fooled by end tags inside comments, CDATA, processing instructions or attribute values', () => {
    const tricky = person(
      `<e:p note="</e:messages>"><!-- </e:messages> --><![CDATA[</e:messages>]]><?x </e:messages>?></e:p>`,
    );
    const text = tricky + person() + person() + end;
    expect(scan(text).cuts.map((c) => c.at)).toEqual([Buffer.byteLength(tricky), Buffer.byteLength(tricky + person())]);
    for (const size of [5, 1000]) {
      const { cuts, scanner } = scan(text, size);
      expect(cuts.at(-1)?.at).toBe(Buffer.byteLength(tricky + person()));
      expect(scanner.documentClosed).toBe(true);
    }
  });

  it('knows messages by namespace, not prefix: its own xmlns, the default namespace, and another namespace', () => {
    const own = `<z:messages xmlns:z="${NS.e20}"><e:p/></z:messages>`;
    const byDefault = `<messages xmlns='${NS.e20}'><e:p/></messages>`;
    const foreign = '<x:messages><e:p/></x:messages>';
    const text = own + foreign + byDefault + own + end;
    // The foreign element is no cut point, and it does not count: the pieces must hold whole eCH-0020 messages.
    expect(scan(text).cuts).toEqual([
      { at: Buffer.byteLength(own), messages: 1 },
      { at: Buffer.byteLength(own + foreign + byDefault), messages: 2 },
    ]);
  });

  it('counts a self-closing messages', () => {
    const text = '<e:messages/><e:messages/>' + person() + end;
    expect(scan(text).cuts.map((c) => c.messages)).toEqual([1, 2]);
  });

  it('reports a truncated document as not closed', () => {
    const text = person() + person();
    expect(scan(text).scanner.documentClosed).toBe(false);
    expect(scan(text + '</e:baseDelivery>').scanner.documentClosed).toBe(false);
    expect(scan(text + end).scanner.documentClosed).toBe(true);
  });

  it('stops at the nesting limit', () => {
    const deep = `<e:messages>${'<e:a>'.repeat(60)}${'</e:a>'.repeat(60)}</e:messages>`;
    expect(scan(deep + end).ok).toBe(false);
    expect(scan(deep + end, 1, 100).ok).toBe(true);
  });
});
