/** A camt.054.001.08 debit notification as a Swiss bank sends it for a batch-booked pain.001 (test data). */
export function camt054(o: {
  account?: string;
  entries: {
    status?: string;
    creditDebit?: 'DBIT' | 'CRDT';
    bookedOn: string;
    txs: { endToEndId: string; amount: string; currency?: string }[];
  }[];
}): string {
  const entries = o.entries.map((e) => {
    const total = e.txs.reduce((s, t) => s + Math.round(Number(t.amount) * 100), 0);
    const txs = e.txs
      .map(
        (t) =>
          `<TxDtls><Refs><MsgId>SI-TEST</MsgId><EndToEndId>${t.endToEndId}</EndToEndId></Refs>` +
          `<Amt Ccy="${t.currency ?? 'CHF'}">${t.amount}</Amt><CdtDbtInd>${e.creditDebit ?? 'DBIT'}</CdtDbtInd></TxDtls>`,
      )
      .join('');
    return (
      `<Ntry><Amt Ccy="CHF">${(total / 100).toFixed(2)}</Amt><CdtDbtInd>${e.creditDebit ?? 'DBIT'}</CdtDbtInd>` +
      `<Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts><BookgDt><Dt>${e.bookedOn}</Dt></BookgDt><ValDt><Dt>${e.bookedOn}</Dt></ValDt>` +
      `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>AUTT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
      `<NtryDtls><Btch><NbOfTxs>${e.txs.length}</NbOfTxs></Btch>${txs}</NtryDtls></Ntry>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>` +
    `<GrpHdr><MsgId>CAMT-TEST</MsgId><CreDtTm>2027-05-02T06:00:00</CreDtTm></GrpHdr>` +
    `<Ntfctn><Id>N-1</Id><CreDtTm>2027-05-02T06:00:00</CreDtTm>` +
    `<Acct><Id><IBAN>${o.account ?? 'CH0900000000000000001'}</IBAN></Id></Acct>${entries.join('')}</Ntfctn>` +
    `</BkToCstmrDbtCdtNtfctn></Document>`
  );
}
