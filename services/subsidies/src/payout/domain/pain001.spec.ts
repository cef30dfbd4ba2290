import { describe, expect, it } from '@jest/globals';
import { Pain001Schema } from '../infrastructure/pain001-schema.js';
import { bookingCsv } from './booking-csv.js';
import { ibanChecksumValid, isPayableIban, withCheckDigits } from './iban.js';
import { chf } from './money.js';
import { pain001 } from './pain001.js';
import type { PayoutClaim } from './payout-claim.js';

const claim = (over: Partial<PayoutClaim>): PayoutClaim => ({
  claimId: '0b8f5a52-3a1c-4f0e-9d7b-2c4e6a8b0d13',
  municipality: 2547,
  period: '2027-Q1',
  periodFrom: '2027-01-01',
  periodTo: '2027-03-31',
  payableRappen: 123456,
  checkedBy: 'u1',
  approvedBy: 'u2',
  payee: {
    municipality: 2547,
    name: 'Einwohnergemeinde Günsberg',
    iban: 'CH93 0076 2011 6238 5295 7',
    creditorNo: 'K002547',
    street: 'Schulstrasse',
    buildingNo: '1',
    postCode: '4524',
    town: 'Günsberg',
  },
  ...over,
});
const input = (claims: PayoutClaim[]) => ({
  messageId: 'SI-20270405-0001',
  createdAt: '2027-04-05T10:00:00',
  executionDate: '2027-04-06',
  initiatingParty: 'Kanton Solothurn, AGS',
  debtor: {
    name: 'Kanton Solothurn, AGS',
    iban: 'CH0900000000000000001',
    street: 'Ambassadorenhof',
    buildingNo: '1',
    postCode: '4509',
    town: 'Solothurn',
  },
  debtorBic: 'SOBACH23XXX',
  claims,
});

describe('money and IBAN', () => {
  it('writes Rappen as CHF without floating point', () => {
    expect([chf(123456), chf(5), chf(0), chf(-1050), chf(9_007_199_254_740_99)]).toEqual([
      '1234.56',
      '0.05',
      '0.00',
      '-10.50',
      '9007199254740.99',
    ]);
  });

  it('checks IBANs by mod 97 and length (S9)', () => {
    expect(isPayableIban('CH93 0076 2011 6238 5295 7')).toBe(true);
    expect(isPayableIban('CH94 0076 2011 6238 5295 7')).toBe(false);
    expect(isPayableIban('DE89370400440532013000')).toBe(false); // valid, but not a Swiss payment
    expect(ibanChecksumValid(withCheckDigits('CH', '09000026010000001'))).toBe(true);
  });
});

describe('payout files', () => {
  const schema = new Pain001Schema();

  it('builds a pain.001 the schema accepts, with NbOfTxs and CtrlSum from Rappen', () => {
    const xml = pain001(
      input([
        claim({}),
        claim({ claimId: '1c9e6a2b-0d4f-4e3a-8b7c-5d6e7f8a9b0c', payableRappen: 100, municipality: 2601 }),
      ]),
    );
    expect(schema.issues(xml)).toEqual([]);
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs><CtrlSum>1235.56</CtrlSum>');
    expect(xml).toContain('<IBAN>CH9300762011623852957</IBAN>');
    expect(xml).toContain(
      '<StrtNm>Schulstrasse</StrtNm><BldgNb>1</BldgNb><PstCd>4524</PstCd><TwnNm>Günsberg</TwnNm><Ctry>CH</Ctry>',
    );
  });

  it('has a schema that refuses what a bank would refuse', () => {
    const xml = pain001(input([claim({})]));
    expect(schema.issues(xml.replace('<CtrlSum>1234.56</CtrlSum>', '<CtrlSum>1234.567</CtrlSum>'))).not.toEqual([]);
    expect(schema.issues(xml.replace(/<PstCd>4524<\/PstCd>/, ''))).not.toEqual([]);
    expect(
      schema.issues(xml.replace('<InstdAmt Ccy="CHF">1234.56</InstdAmt>', '<InstdAmt>1234.56</InstdAmt>')),
    ).not.toEqual([]);
  });

  it('writes a CSV booking file with one line per claim and a control line', () => {
    const csv = bookingCsv([claim({}), claim({ payableRappen: 44 })], {
      postingDate: '2027-04-05',
      dueDate: '2027-05-05',
      glAccount: '3632000',
      costCentre: 'AGS-INT',
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'claimId,municipalityBfs,creditorNo,periodFrom,periodTo,amountChf,postingDate,dueDate,glAccount,costCentre,text,checkedBy,approvedBy',
    );
    expect(lines[1]).toContain(',2547,K002547,2027-01-01,2027-03-31,1234.56,2027-04-05,2027-05-05,');
    expect(lines[3]).toBe('#control,2,1235.00');
  });
});
