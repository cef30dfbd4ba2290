import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { NotifiedPayment } from '../domain/payment-notification.js';

const CAMT054 = /^urn:iso:std:iso:20022:tech:xsd:camt\.054\.001\.\d\d$/;

/** The file is not a readable camt.054: the message names what and, where known, the line. */
export class Camt054Unreadable extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'Camt054Unreadable';
  }
}

/** "1234.5" → 123450, exactly; null when it is not a whole number of Rappen (ISO allows five decimals). */
export function rappenOf(amount: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,5}))?$/.exec(amount.trim());
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(5, '0');
  if (fraction.slice(2) !== '000') return null;
  return Number(m[1]) * 100 + Number(fraction.slice(0, 2));
}

interface Amount {
  value: string;
  currency: string | null;
}
interface Entry {
  amount: Amount | null;
  creditDebit: string | null;
  status: string | null;
  bookedOn: string | null;
  txs: { endToEndId: string | null; amount: Amount | null; creditDebit: string | null }[];
}

/**
 * Reads a camt.054 (Bank-to-Customer Debit/Credit Notification, versions .001.04 to .001.08) as it arrives, chunk by
 * chunk, without building a document: for every entry (Ntry) its transactions (TxDtls) with their end-to-end id,
 * amount and direction. A batch-booked entry carries one transaction per claim; an entry without details is one
 * payment without a reference. No DTD is accepted (no entity expansion), and the file is bounded by `maxBytes`.
 */
export async function readCamt054(
  chunks: AsyncIterable<Uint8Array | string>,
  maxBytes = 10 * 1024 * 1024,
): Promise<NotifiedPayment[]> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  const payments: NotifiedPayment[] = [];
  let failure: Camt054Unreadable | null = null;
  let text = '';
  let amountCurrency: string | null = null;
  let account: string | null = null;
  let entry: Entry | null = null;
  let tx: Entry['txs'][number] | null = null;
  let rootSeen = false;

  const fail = (message: string) => {
    failure ??= new Camt054Unreadable(message, parser.line);
  };
  const at = (...tail: string[]) => tail.every((name, i) => path[path.length - tail.length + i] === name);

  parser.on('error', (e) => fail(e.message));
  parser.on('doctype', () => fail('a DTD is not accepted'));
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (!rootSeen) {
      rootSeen = true;
      if (!CAMT054.test(tag.uri)) fail(`the root element is not a camt.054 document (namespace "${tag.uri}")`);
    }
    path.push(tag.local);
    text = '';
    if (tag.local === 'Amt') amountCurrency = (tag.attributes['Ccy'] as { value?: string } | undefined)?.value ?? null;
    if (at('Ntfctn')) account = null;
    if (at('Ntry')) entry = { amount: null, creditDebit: null, status: null, bookedOn: null, txs: [] };
    if (entry && at('TxDtls')) tx = { endToEndId: null, amount: null, creditDebit: null };
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', () => {
    const value = text.trim();
    if (at('Ntfctn', 'Acct', 'Id', 'IBAN')) account = value;
    if (entry && !tx) {
      if (at('Ntry', 'Amt')) entry.amount = { value, currency: amountCurrency };
      if (at('Ntry', 'CdtDbtInd')) entry.creditDebit = value;
      if (at('Ntry', 'Sts', 'Cd') || (at('Ntry', 'Sts') && value)) entry.status = value;
      if (at('Ntry', 'BookgDt', 'Dt') || at('Ntry', 'BookgDt', 'DtTm')) entry.bookedOn = value.slice(0, 10);
    }
    if (tx) {
      if (at('TxDtls', 'Refs', 'EndToEndId')) tx.endToEndId = value;
      if (at('TxDtls', 'Amt')) tx.amount = { value, currency: amountCurrency };
      if (at('TxDtls', 'AmtDtls', 'TxAmt', 'Amt')) tx.amount ??= { value, currency: amountCurrency };
      if (at('TxDtls', 'CdtDbtInd')) tx.creditDebit = value;
      if (at('TxDtls')) {
        entry?.txs.push(tx);
        tx = null;
      }
    }
    if (entry && at('Ntry')) {
      payments.push(...paymentsOf(entry, account));
      entry = null;
    }
    path.pop();
    text = '';
  });

  // A character may be split between two chunks: the decoder keeps the incomplete bytes for the next one.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (bytes > maxBytes) throw new Camt054Unreadable(`larger than ${maxBytes} bytes`);
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (failure) throw failure;
    }
    parser.write(decoder.decode());
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw new Camt054Unreadable('not UTF-8');
    throw error;
  }
  parser.close();
  if (failure) throw failure;
  if (!rootSeen) throw new Camt054Unreadable('the file is empty');
  return payments;
}

function paymentsOf(entry: Entry, account: string | null): NotifiedPayment[] {
  const txs = entry.txs.length ? entry.txs : [{ endToEndId: null, amount: null, creditDebit: null }];
  return txs.map((t) => {
    // A single transaction may leave its amount to the entry; in a batch each transaction names its own.
    const amount = t.amount ?? (txs.length === 1 ? entry.amount : null);
    return {
      account,
      endToEndId: t.endToEndId,
      amountRappen: amount ? rappenOf(amount.value) : null,
      currency: amount?.currency ?? null,
      creditDebit: t.creditDebit ?? entry.creditDebit,
      status: entry.status,
      bookedOn: entry.bookedOn,
    };
  });
}
