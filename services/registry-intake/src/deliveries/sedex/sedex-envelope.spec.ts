import { describe, expect, it } from '@jest/globals';
import { fixture } from '../../../test/fixtures/intake-harness.js';
import { readSedexEnvelope } from './sedex-envelope.js';

const envelope = (ns: string, body: string) =>
  Buffer.from(`<?xml version="1.0"?><e:envelope xmlns:e="${ns}" version="1.0">${body}</e:envelope>`);

describe('readSedexEnvelope', () => {
  it('reads an eCH-0090 v2 envelope by namespace', () => {
    expect(readSedexEnvelope(fixture('attacks/sedex-envelope.xml'))).toEqual({
      ok: true,
      envelope: {
        version: 2,
        messageId: 'a8b3c1d2-0000-4000-8000-000000000001',
        messageType: '20201',
        senderId: 'T1-2601-1',
        recipientIds: ['T6-SO-1'],
      },
    });
  });

  it('reads v1 with another prefix', () => {
    const r = readSedexEnvelope(
      envelope(
        'http://www.ech.ch/xmlns/eCH-0090/1',
        '<e:messageId>m-1</e:messageId><e:senderId>1-2581-1</e:senderId><e:recipientId>a</e:recipientId><e:recipientId>b</e:recipientId>',
      ),
    );
    expect(r).toEqual({
      ok: true,
      envelope: { version: 1, messageId: 'm-1', messageType: null, senderId: '1-2581-1', recipientIds: ['a', 'b'] },
    });
  });

  it.each([
    [
      'a DOCTYPE',
      Buffer.from('<!DOCTYPE e [<!ENTITY x "y">]><e:envelope xmlns:e="http://www.ech.ch/xmlns/eCH-0090/2"/>'),
      /DOCTYPE/,
    ],
    [
      'another root',
      envelope('http://www.ech.ch/xmlns/eCH-0020/3', '<e:messageId>m</e:messageId>'),
      /no eCH-0090 v1\/v2 envelope/,
    ],
    ['no messageId', envelope('http://www.ech.ch/xmlns/eCH-0090/2', ''), /no usable messageId/],
    [
      'a messageId that is no token',
      envelope('http://www.ech.ch/xmlns/eCH-0090/2', '<e:messageId>../../etc/passwd</e:messageId>'),
      /no usable messageId/,
    ],
    [
      'broken XML',
      Buffer.from('<e:envelope xmlns:e="http://www.ech.ch/xmlns/eCH-0090/2"><e:messageId>m'),
      /not well-formed/,
    ],
    ['something huge', Buffer.alloc(70_000, 0x20), /larger than/],
  ])('refuses %s', (_label, bytes, reason) => {
    const r = readSedexEnvelope(bytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});
