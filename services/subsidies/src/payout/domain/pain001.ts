import { chf } from './money.js';
import { normaliseIban } from './iban.js';
import type { Debtor, Payee, PayoutClaim } from './payout-claim.js';
import type { LocalDate } from '../../shared/local-date.js';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';
export const PAIN001_SCHEMA_LOCATION = 'pain.001.001.09.ch.03.xsd';

export interface Pain001Input {
  /** At most 35 characters (SPS: unique per file for 90 days). */
  readonly messageId: string;
  /** Local date-time without offset, as the SPS examples write it. */
  readonly createdAt: string;
  readonly executionDate: LocalDate;
  readonly initiatingParty: string;
  readonly debtor: Debtor;
  readonly debtorBic: string;
  readonly claims: readonly PayoutClaim[];
}

/** SPS permits the Latin character set (basic Latin, Latin-1, Latin Extended-A, € and a few Romanian letters); anything else becomes `.`. */
function sps(text: string, max: number): string {
  const kept = [...text.normalize('NFC')]
    .map((c) => (/[\u0020-\u007e\u00a0-\u017f\u20ac\u0218-\u021b]/.test(c) ? c : '.'))
    .join('');
  return kept
    .slice(0, max)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function address(a: Pick<Payee, 'street' | 'buildingNo' | 'postCode' | 'town'>): string {
  return (
    `<PstlAdr><StrtNm>${sps(a.street, 70)}</StrtNm>${a.buildingNo ? `<BldgNb>${sps(a.buildingNo, 16)}</BldgNb>` : ''}` +
    `<PstCd>${sps(a.postCode, 16)}</PstCd><TwnNm>${sps(a.town, 35)}</TwnNm><Ctry>CH</Ctry></PstlAdr>`
  );
}

/** End-to-end id: the claim id without dashes fits the 35 characters and is the remittance reference the municipality sees. */
export const endToEndId = (claimId: string) => claimId.replaceAll('-', '');

/**
 * A pain.001.001.09 credit transfer initiation in the Swiss flavour (SPS 2022, pain.001.001.09.ch.03):
 * one payment information block (one debit, batch booking), one transaction per claim, structured addresses,
 * NbOfTxs and CtrlSum computed from integer Rappen. Validated against the schema before it is handed out.
 */
export function pain001(input: Pain001Input): string {
  const total = input.claims.reduce((s, c) => s + c.payableRappen, 0);
  const n = input.claims.length;
  const d = input.debtor;
  const txs = input.claims.map((c) =>
    [
      '<CdtTrfTxInf>',
      `<PmtId><InstrId>${sps(endToEndId(c.claimId).slice(0, 35), 35)}</InstrId><EndToEndId>${sps(endToEndId(c.claimId), 35)}</EndToEndId></PmtId>`,
      `<Amt><InstdAmt Ccy="CHF">${chf(c.payableRappen)}</InstdAmt></Amt>`,
      `<Cdtr><Nm>${sps(c.payee.name, 70)}</Nm>${address(c.payee)}</Cdtr>`,
      `<CdtrAcct><Id><IBAN>${normaliseIban(c.payee.iban)}</IBAN></Id></CdtrAcct>`,
      `<RmtInf><Ustrd>${sps(`start.integration Subventionen ${c.period} BFS ${c.municipality}`, 140)}</Ustrd></RmtInf>`,
      '</CdtTrfTxInf>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${PAIN001_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PAIN001_NAMESPACE} ${PAIN001_SCHEMA_LOCATION}">`,
    '<CstmrCdtTrfInitn>',
    `<GrpHdr><MsgId>${sps(input.messageId, 35)}</MsgId><CreDtTm>${input.createdAt}</CreDtTm><NbOfTxs>${n}</NbOfTxs><CtrlSum>${chf(total)}</CtrlSum>`,
    `<InitgPty><Nm>${sps(input.initiatingParty, 70)}</Nm></InitgPty></GrpHdr>`,
    `<PmtInf><PmtInfId>${sps(input.messageId, 35)}</PmtInfId><PmtMtd>TRF</PmtMtd><BtchBookg>true</BtchBookg><NbOfTxs>${n}</NbOfTxs><CtrlSum>${chf(total)}</CtrlSum>`,
    `<ReqdExctnDt><Dt>${input.executionDate}</Dt></ReqdExctnDt>`,
    `<Dbtr><Nm>${sps(d.name, 70)}</Nm>${address(d)}</Dbtr>`,
    `<DbtrAcct><Id><IBAN>${normaliseIban(d.iban)}</IBAN></Id></DbtrAcct>`,
    `<DbtrAgt><FinInstnId><BICFI>${input.debtorBic}</BICFI></FinInstnId></DbtrAgt>`,
    ...txs,
    '</PmtInf>',
    '</CstmrCdtTrfInitn>',
    '</Document>',
    '',
  ].join('\n');
}
