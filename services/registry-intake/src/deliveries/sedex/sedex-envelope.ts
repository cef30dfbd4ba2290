import { SaxesParser } from 'saxes';

/** What registry-intake reads of a sedex envelope (eCH-0090 v1 or v2). */
export interface SedexEnvelope {
  version: 1 | 2;
  messageId: string;
  messageType: string | null;
  senderId: string | null;
  recipientIds: string[];
}

export type EnvelopeResult = { ok: true; envelope: SedexEnvelope } | { ok: false; reason: string };

const NAMESPACES: Record<string, 1 | 2> = {
  'http://www.ech.ch/xmlns/eCH-0090/1': 1,
  'http://www.ech.ch/xmlns/eCH-0090/2': 2,
};
/** Envelopes are a few hundred bytes; anything larger is not one. */
const MAX_ENVELOPE_BYTES = 64 * 1024;
/** eCH-0090 messageId: a token; it becomes a database key and a file name, so only safe characters pass. */
const MESSAGE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Reads an eCH-0090 v1/v2 envelope with the same safety as a delivery: no DOCTYPE (so no entities), bounded size,
 * namespaces matched by URI, never by prefix.
 */
export function readSedexEnvelope(bytes: Buffer): EnvelopeResult {
  if (bytes.byteLength > MAX_ENVELOPE_BYTES)
    return { ok: false, reason: `the envelope is larger than ${MAX_ENVELOPE_BYTES} bytes` };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let version: 1 | 2 | undefined;
  let depth = 0;
  let current: string | undefined;
  let text = '';
  let failure: string | undefined;
  const fields: Partial<Record<'messageId' | 'messageType' | 'senderId', string>> = {};
  const recipients: string[] = [];
  parser.on('doctype', () => {
    failure ??= 'the envelope contains a DOCTYPE; DTDs are refused';
  });
  parser.on('error', (e) => {
    failure ??= `the envelope is not well-formed XML: ${e.message}`;
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      version = NAMESPACES[tag.uri ?? ''];
      if (tag.local !== 'envelope' || !version)
        failure ??= `the root element {${tag.uri ?? ''}}${tag.local} is no eCH-0090 v1/v2 envelope`;
    } else if (depth === 2 && tag.uri === parserRootUri(version)) {
      current = tag.local;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (current) text += t;
  });
  parser.on('closetag', () => {
    if (depth === 2 && current) {
      const value = text.trim();
      if (current === 'messageId' || current === 'messageType' || current === 'senderId') fields[current] ??= value;
      else if (current === 'recipientId') recipients.push(value);
      current = undefined;
    }
    depth--;
  });
  try {
    parser.write(bytes.toString('utf8')).close();
  } catch (e) {
    failure ??= `the envelope is not well-formed XML: ${(e as Error).message}`;
  }
  if (failure) return { ok: false, reason: failure };
  if (!version) return { ok: false, reason: 'the envelope is empty' };
  if (!fields.messageId || !MESSAGE_ID.test(fields.messageId))
    return { ok: false, reason: 'the envelope has no usable messageId' };
  return {
    ok: true,
    envelope: {
      version,
      messageId: fields.messageId,
      messageType: fields.messageType ?? null,
      senderId: fields.senderId ?? null,
      recipientIds: recipients,
    },
  };
}

function parserRootUri(version: 1 | 2 | undefined): string | undefined {
  return version === undefined ? undefined : `http://www.ech.ch/xmlns/eCH-0090/${version}`;
}
