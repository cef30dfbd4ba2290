import { camt054 } from '../../../test/support/camt054.js';
import { claimIdOf, decidePayment, type NotifiedPayment } from '../domain/payment-notification.js';
import { Camt054Unreadable, rappenOf, readCamt054 } from './camt054-reader.js';

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const CLAIM = '0b6c2f1e-9a43-4c1d-8e2f-5a7b9c0d1e2f';
const E2E = CLAIM.replaceAll('-', '');

describe('camt.054 reader', () => {
  it('reads every transaction of a batch-booked entry, chunk by chunk (a chunk may split a tag or a character)', async () => {
    const xml = camt054({
      entries: [
        {
          bookedOn: '2027-05-02',
          txs: [
            { endToEndId: E2E, amount: '1234.5' },
            { endToEndId: 'OTHER-REF', amount: '99.95' },
          ],
        },
        { status: 'PDNG', bookedOn: '2027-05-03', txs: [{ endToEndId: E2E, amount: '10.00' }] },
      ],
    }).replace('<MsgId>CAMT-TEST', '<MsgId>CAMT-Zürich');
    for (const size of [1, 7, 4096]) {
      expect(await readCamt054(chunked(xml, size))).toEqual([
        {
          account: 'CH0900000000000000001',
          endToEndId: E2E,
          amountRappen: 123450,
          currency: 'CHF',
          creditDebit: 'DBIT',
          status: 'BOOK',
          bookedOn: '2027-05-02',
        },
        expect.objectContaining({ endToEndId: 'OTHER-REF', amountRappen: 9995 }),
        expect.objectContaining({ endToEndId: E2E, status: 'PDNG', bookedOn: '2027-05-03' }),
      ]);
    }
  });

  it('takes the amount of a single-transaction entry from the entry, and an older version’s status as text', async () => {
    const xml =
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><BkToCstmrDbtCdtNtfctn><Ntfctn>' +
      '<Ntry><Amt Ccy="CHF">617.25</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><DtTm>2027-05-02T10:00:00</DtTm></BookgDt>' +
      `<NtryDtls><TxDtls><Refs><EndToEndId>${E2E}</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>` +
      '</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>';
    expect(await readCamt054(chunked(xml, 64))).toEqual([
      {
        account: null,
        endToEndId: E2E,
        amountRappen: 61725,
        currency: 'CHF',
        creditDebit: 'DBIT',
        status: 'BOOK',
        bookedOn: '2027-05-02',
      },
    ]);
  });

  it('refuses what is not a camt.054: another document, a DTD, broken XML, too many bytes', async () => {
    const refused = (xml: string, max?: number) => readCamt054(chunked(xml, 16), max);
    await expect(refused('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>')).rejects.toThrow(
      /not a camt.054/,
    );
    await expect(refused('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).rejects.toThrow(/DTD/);
    await expect(refused(camt054({ entries: [] }).slice(0, 200))).rejects.toBeInstanceOf(Camt054Unreadable);
    await expect(refused(camt054({ entries: [] }), 100)).rejects.toThrow(/larger than 100 bytes/);
  });

  it('turns amounts into Rappen exactly, and refuses fractions of a Rappen', () => {
    expect(rappenOf('0.29')).toBe(29);
    expect(rappenOf('1234.50000')).toBe(123450);
    expect(rappenOf('7')).toBe(700);
    expect(rappenOf('1.005')).toBeNull();
    expect(rappenOf('-5')).toBeNull();
  });
});

describe('S18: which reported payment confirms which claim', () => {
  const paid: NotifiedPayment = {
    account: 'CH09 0000 0000 0000 0000 1',
    endToEndId: E2E,
    amountRappen: 123450,
    currency: 'CHF',
    creditDebit: 'DBIT',
    status: 'BOOK',
    bookedOn: '2027-05-02',
  };
  const exported = { id: CLAIM, status: 'exported', payableRappen: 123450 };
  const debtor = 'CH0900000000000000001';

  it('confirms a booked CHF debit of the canton’s account naming an exported claim with its payable amount', () => {
    expect(claimIdOf(E2E)).toBe(CLAIM);
    expect(decidePayment(paid, exported, debtor)).toEqual({ confirm: true, paidOn: '2027-05-02' });
  });

  it('says why anything else confirms nothing', () => {
    const reason = (p: Partial<NotifiedPayment>, claim: typeof exported | null = exported) => {
      const d = decidePayment({ ...paid, ...p }, claim, debtor);
      return d.confirm ? 'confirmed' : d.reason;
    };
    expect(reason({ status: 'PDNG' })).toBe('not-booked');
    expect(reason({ creditDebit: 'CRDT' })).toBe('not-a-debit');
    expect(reason({ account: 'CH9300762011623852957' })).toBe('other-account');
    expect(reason({ currency: 'EUR' })).toBe('not-chf');
    expect(reason({ bookedOn: null })).toBe('no-booking-date');
    expect(reason({ endToEndId: 'NOTPROVIDED' })).toBe('no-claim-reference');
    expect(reason({}, null)).toBe('unknown-claim');
    expect(reason({}, { ...exported, status: 'paid' })).toBe('already-paid');
    expect(reason({}, { ...exported, status: 'approved' })).toBe('not-exported');
    expect(reason({ amountRappen: 123449 })).toBe('amount-differs');
    expect(reason({ amountRappen: null })).toBe('amount-differs');
  });
});
