import { describe, expect, it } from '@jest/globals';
import { canAccessCase } from '../../cases/domain/case-access.js';
import { caseInFoerdern, d, directory } from '../../cases/domain/case.fixtures.js';
import type { OrganisationPeriod } from './organisation-model.js';
import { OrganisationModelError } from './organisation-model.errors.js';
import { OrganisationRegister } from './organisation-register.js';

const HUBERSDORF = 2548;
const MEMBERS = [2541, 2545, 2547, 2549, 2554]; // Balm b. G., Flumenthal, Günsberg, Kammersrohr, Riedholz
const agsCtx = { actorId: 'ags-koordination', role: 'ags', at: '2025-12-01T10:00:00Z' };

/** Unterleberberg: Hubersdorf leads five municipalities from 2022 on (R29). */
function unterleberberg(): OrganisationRegister {
  const periods: OrganisationPeriod[] = MEMBERS.map((m) => ({
    municipality: m,
    model: { kind: 'leitgemeinde', leitgemeinde: HUBERSDORF },
    validFrom: '2022-01-01',
    recordedBy: 'ags-koordination',
    recordedAt: '2021-12-01T10:00:00Z',
    reason: 'Zusammenarbeitsvertrag Unterleberberg',
  }));
  return new OrganisationRegister(periods, directory);
}

describe('organisation model and Leitgemeinde resolution (R29)', () => {
  it('resolves the Hubersdorf IB to Hubersdorf and its five members', () => {
    const reg = unterleberberg();
    expect(reg.membersOf(HUBERSDORF, '2026-11-21')).toEqual(MEMBERS);
    expect(reg.responsibleMunicipalities([HUBERSDORF], '2026-11-21')).toEqual([2541, 2545, 2547, 2548, 2549, 2554]);
    expect(reg.responsibleMunicipalities([HUBERSDORF, ...MEMBERS], '2026-11-21')).toEqual([
      2541, 2545, 2547, 2548, 2549, 2554,
    ]);
    expect(reg.responsibleUnit(2547, '2026-11-21')).toBe(HUBERSDORF);
    expect(reg.responsibleUnit(2601, '2026-11-21')).toBe(2601);
  });

  it('gives a member-only token nothing while the member has delegated the task', () => {
    const reg = unterleberberg();
    expect(reg.responsibleMunicipalities([2541], '2026-11-21')).toEqual([]);
    expect(reg.actsFor([2541], 2541, '2026-11-21')).toBe(false);
    expect(reg.responsibleMunicipalities([2601], '2026-11-21')).toEqual([2601]);
  });

  it('honours validity periods: before the contract every municipality is in-house', () => {
    const reg = unterleberberg();
    expect(reg.modelAt(2547, '2021-12-31')).toEqual({ kind: 'in-house' });
    expect(reg.responsibleMunicipalities([HUBERSDORF], '2021-12-31')).toEqual([HUBERSDORF]);
    expect(reg.responsibleMunicipalities([2547], '2021-12-31')).toEqual([2547]);
  });

  it('records a change as a new period (append-only) and derives the end of the old one', () => {
    const reg = unterleberberg();
    reg.change(
      { municipality: 2541, model: { kind: 'in-house' }, validFrom: '2027-01-01', reason: 'Eigene IB angestellt' },
      agsCtx,
    );
    expect(reg.responsibleMunicipalities([HUBERSDORF], '2026-12-31')).toContain(2541);
    expect(reg.responsibleMunicipalities([HUBERSDORF], '2027-01-01')).toEqual([2545, 2547, 2548, 2549, 2554]);
    expect(reg.responsibleMunicipalities([2541], '2027-01-01')).toEqual([2541]);
    expect(reg.history(2541).map((p) => [p.model.kind, p.validFrom, p.validTo, p.recordedBy])).toEqual([
      ['leitgemeinde', '2022-01-01', '2026-12-31', 'ags-koordination'],
      ['in-house', '2027-01-01', null, 'ags-koordination'],
    ]);
    expect(() =>
      reg.change(
        { municipality: 2541, model: { kind: 'in-house' }, validFrom: '2026-06-01', reason: 'rückwirkend' },
        agsCtx,
      ),
    ).toThrow(expect.objectContaining({ code: 'not-append-only', ruleId: 'R29' }));
  });

  it('is maintained by AGS only', () => {
    expect(() =>
      unterleberberg().change(
        {
          municipality: 2550,
          model: { kind: 'leitgemeinde', leitgemeinde: HUBERSDORF },
          validFrom: '2027-01-01',
          reason: 'x',
        },
        { ...agsCtx, role: 'gemeinde' },
      ),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });

  it('refuses chains, self-lead, a leading municipality joining another, unknown BFS numbers and missing reasons', () => {
    const reg = unterleberberg();
    const change =
      (municipality: number, leitgemeinde: number, reason = 'Vertrag') =>
      () =>
        reg.change(
          { municipality, model: { kind: 'leitgemeinde', leitgemeinde }, validFrom: '2027-01-01', reason },
          agsCtx,
        );
    expect(change(2550, 2547)).toThrow(expect.objectContaining({ code: 'lead-is-member' }));
    expect(change(2550, 2550)).toThrow(expect.objectContaining({ code: 'self-lead' }));
    expect(change(HUBERSDORF, 2601)).toThrow(expect.objectContaining({ code: 'lead-cannot-join' }));
    expect(change(2550, 9999)).toThrow(expect.objectContaining({ code: 'unknown-municipality' }));
    expect(change(2550, HUBERSDORF, ' ')).toThrow(OrganisationModelError);
    expect(reg.membersOf(HUBERSDORF, '2027-06-01')).toEqual(MEMBERS);
    change(2550, HUBERSDORF)();
    expect(reg.membersOf(HUBERSDORF, '2027-06-01')).toEqual([...MEMBERS, 2550].sort((a, b) => a - b));
  });

  it('refuses two periods of one municipality from the same day when loading', () => {
    const p: OrganisationPeriod = {
      municipality: 2541,
      model: { kind: 'in-house' },
      validFrom: '2022-01-01',
      recordedBy: 'a',
      recordedAt: 'x',
      reason: 'r',
    };
    expect(() => new OrganisationRegister([p, { ...p }])).toThrow(
      expect.objectContaining({ code: 'period-duplicate' }),
    );
  });

  it('drives case access: the Hubersdorf IB works a Günsberg case, which keeps its own BFS number', () => {
    const reg = unterleberberg();
    const c = caseInFoerdern();
    expect(c.municipality).toBe(2547);
    expect(canAccessCase({ id: 'ib', role: 'gemeinde', gemeinden: [HUBERSDORF] }, c.state, reg, d('2027-06-01'))).toBe(
      true,
    );
    expect(canAccessCase({ id: 'ib', role: 'gemeinde', gemeinden: [2547] }, c.state, reg, d('2027-06-01'))).toBe(false);
    expect(canAccessCase({ id: 'ib', role: 'gemeinde', gemeinden: [2601] }, c.state, reg, d('2027-06-01'))).toBe(false);
  });
});
