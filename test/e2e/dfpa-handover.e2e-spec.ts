import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@si/contracts';
import { eventually } from '@si/testing';
import { DfpaPlatform } from '../support/dfpa-platform.js';

/**
 * Issue 11, point 10, end to end: case-management and two dfpa instances (Sozialregion Olten, Sozialregion Thal-Gäu,
 * each on its own database) as built processes. An arrival in Olten handed over by ib.olten reaches sr.olten's inbox
 * and nothing of it reaches Thal-Gäu's queue, database or log; accepted, the officer sees the case at Sozialregion
 * Olten; assessment and plan are recorded; returned, the case is back with the officer.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('DFPA hand-over: Olten → Sozialregion Olten and back, Thal-Gäu never sees it', () => {
  let p: DfpaPlatform;
  let olten: string;
  let thal: string;
  beforeAll(async () => {
    p = await DfpaPlatform.create();
    await Promise.all([
      p.startCaseManagement(),
      p.startDfpa('olten').then((i) => (olten = i.url)),
      p.startDfpa('thal-gaeu').then((i) => (thal = i.url)),
    ]);
  }, 320_000);
  afterAll(() => p?.stop(), 60_000);

  /** An arrival from abroad in Olten, as registry-intake publishes it, and the case case-management opens for it. */
  async function arrivalInOlten() {
    const arrival = structuredClone(loadEventSchemas().get('person.arrived.v1')!.examples[0]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const personRef = `p-${randomBytes(16).toString('hex')}`;
    Object.assign(arrival, {
      personRef,
      alternatePersonRefs: [],
      eventDate: day(-20),
      arrivalDate: day(-20),
      entryDate: day(-25),
    });
    arrival.personalData.officialName = `Zhang${personRef.slice(-6).replace(/\d/g, 'x')}`;
    await p.publish('registry-intake', [{ type: 'person.arrived.v1', subject: personRef, data: arrival }]);
    const caseId = await eventually(
      async () => {
        const r = await p.call(p.cases!.url, 'ib.olten', 'GET', `/api/v1/cases?q=${arrival.personalData.officialName}`);
        expect(r.body.items).toHaveLength(1);
        return r.body.items[0].id as string;
      },
      { timeoutMs: 20_000 },
    );
    return { arrival, personRef, caseId };
  }

  /** Waits until `caller` sees the hand-over in the inbox of the dfpa instance at `url`. */
  const inInbox = (url: string, caller: string, handoverId: string) =>
    eventually(
      async () => {
        const r = await p.call(url, caller, 'GET', '/api/v1/handovers');
        const found = r.body.items.find((h: { handoverId: string }) => h.handoverId === handoverId);
        if (!found) throw new Error('not in the inbox yet');
        return found;
      },
      { timeoutMs: 20_000 },
    );

  it('hands over, takes over, assesses, plans and returns', async () => {
    const cases = p.cases!.url;
    const { arrival, caseId } = await arrivalInOlten();

    const handedOver = await p.call(cases, 'ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'Besonderer Integrationsbedarf, Potenzialabklärung angezeigt.',
    });
    expect(handedOver.status).toBe(200);
    const handoverId = handedOver.body.handover.handoverId as string;

    // Olten's inbox has it with the person's data …
    const item = await inInbox(olten, 'sr.olten', handoverId);
    expect(item.person).toMatchObject({ officialName: arrival.personalData.officialName, firstName: 'Xin' });
    // … Thal-Gäu's queue, database and inbox have nothing of it.
    expect(await p.waiting('dfpa.handovers.thal-gaeu')).toBe(0);
    expect((await p.instances.get('thal-gaeu')!.sql.query('SELECT count(*)::int AS n FROM handover')).rows[0].n).toBe(
      0,
    );
    expect((await p.call(thal, 'sr.thal-gaeu', 'GET', '/api/v1/handovers')).body.items).toEqual([]);
    expect((await p.call(olten, 'sr.thal-gaeu', 'GET', '/api/v1/handovers')).status).toBe(403);

    const accepted = await p.call(olten, 'sr.olten', 'POST', `/api/v1/handovers/${handoverId}/acceptance`, {
      caseworker: 'sr.olten',
    });
    expect(accepted.status).toBe(201);
    const dfpaCaseId = accepted.body.dfpaCaseId as string;
    await eventually(
      async () => {
        const r = await p.call(cases, 'ib.olten', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({
          status: 'at-sozialregion',
          atSozialregion: 'olten',
          sozialregion: 'olten',
          dfpaStatus: 'accepted',
        });
      },
      { timeoutMs: 20_000 },
    );

    const assessed = await p.call(olten, 'sr.olten', 'POST', `/api/v1/cases/${dfpaCaseId}/assessments`, {
      kind: 'kurzassessment',
      assessedOn: day(0),
      languages: [
        { language: 'zh', oral: 'C2', written: 'C1', evidence: 'self-declared', assessedOn: day(0) },
        { language: 'de', oral: 'A1', written: 'none', evidence: 'assessed', assessedOn: day(0) },
      ],
      yearsOfSchooling: 12,
      literacy: { anyScript: true, latinScript: true },
      qualifications: [],
      workExperience: [{ field: 'Gastronomie', years: 2 }],
      family: { childrenAges: [], childcareNeeded: false, childcareArranged: false },
      employability: { status: 'arbeitsmarktfaehig', assessedOn: day(0) },
      goals: ['Arbeit in der Gastronomie'],
      health: { restriction: 'none', workCapacityPercent: 100 },
    });
    expect(assessed.status).toBe(201);
    const planned = await p.call(olten, 'sr.olten', 'POST', `/api/v1/cases/${dfpaCaseId}/plans`, {
      agreedOn: day(0),
      reviewOn: day(180),
      goals: [{ area: 'sprache', target: 'Deutsch A2', dueOn: day(365) }],
    });
    expect(planned.body.progress).toBe('plan-active');
    // The officer sees that the case is at the region and its coarse status, never the assessment or the plan.
    const atRegion = await eventually(
      async () => {
        const r = await p.call(cases, 'ib.olten', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({ status: 'at-sozialregion', sozialregion: 'olten', dfpaStatus: 'plan-active' });
        return r;
      },
      { timeoutMs: 20_000 },
    );
    expect(JSON.stringify(atRegion.body)).not.toMatch(/kurzassessment|Gastronomie|Deutsch A2/);

    const returned = await p.call(olten, 'sr.olten', 'POST', `/api/v1/cases/${dfpaCaseId}/return`, {
      reasonCode: 'no-further-need',
      reason: 'Stelle gefunden, weitere Begleitung durch die Gemeinde.',
    });
    expect(returned.body.status).toBe('returned');
    await eventually(
      async () => {
        const r = await p.call(cases, 'ib.olten', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({ status: 'open', atSozialregion: null, dfpaStatus: 'returned' });
        expect(r.body.pastHandovers.at(-1)).toMatchObject({
          handoverId,
          status: 'returned',
          endReasonCode: 'no-further-need',
        });
      },
      { timeoutMs: 20_000 },
    );

    // Thal-Gäu's instance never logged the person.
    const thalLog = readFileSync(p.instances.get('thal-gaeu')!.process.log, 'utf8');
    expect(thalLog).not.toContain(arrival.personalData.officialName);
    expect(thalLog).not.toContain(handoverId);
  }, 90_000);

  it("follows the person to Thal-Gäu: Olten returns the case (person-moved), it is handed to Thal-Gäu's service, Olten keeps no personal data (point 5)", async () => {
    const cases = p.cases!.url;
    const { arrival, personRef, caseId } = await arrivalInOlten();
    const first = await p.call(cases, 'ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'Potenzialabklärung angezeigt.',
    });
    const oltenHandover = first.body.handover.handoverId as string;
    await inInbox(olten, 'sr.olten', oltenHandover);
    const accepted = await p.call(olten, 'sr.olten', 'POST', `/api/v1/handovers/${oltenHandover}/acceptance`, {
      caseworker: 'sr.olten',
    });
    const dfpaCaseId = accepted.body.dfpaCaseId as string;
    const assessed = await p.call(olten, 'sr.olten', 'POST', `/api/v1/cases/${dfpaCaseId}/assessments`, {
      kind: 'kurzassessment',
      assessedOn: day(0),
      languages: [{ language: 'de', oral: 'A1', written: 'A1', evidence: 'assessed', assessedOn: day(0) }],
      yearsOfSchooling: 12,
      literacy: { anyScript: true, latinScript: true },
      qualifications: [],
      workExperience: [],
      family: { childrenAges: [], childcareNeeded: false, childcareArranged: false },
      employability: { status: 'not-yet', assessedOn: day(0) },
      goals: ['Deutsch lernen'],
      health: { restriction: 'under-clarification', workCapacityPercent: 50, note: 'Knieoperation geplant' },
    });
    expect(assessed.status).toBe(201);

    // The register reports the move from Olten to Balsthal (Sozialregion Thal-Gäu): case-management transfers the
    // case, which stays at Sozialregion Olten until Olten hands it on.
    const moved = structuredClone(loadEventSchemas().get('person.moved.v1')!.examples[0]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(moved, {
      personRef,
      alternatePersonRefs: [],
      bfsNumber: 2422,
      municipalityName: 'Balsthal',
      eventDate: day(-1),
      movedOn: day(-1),
      moveKind: 'between-solothurn-municipalities',
      from: { bfsNumber: 2581, municipalityName: 'Olten', canton: 'SO', inCanton: true },
      to: { bfsNumber: 2422, municipalityName: 'Balsthal', canton: 'SO', inCanton: true },
      personalData: {
        ...arrival.personalData,
        address: {
          ...moved.personalData.address,
          street: 'Falkensteinerstrasse',
          postalCode: '4710',
          town: 'Balsthal',
        },
      },
    });
    await p.publish('registry-intake', [{ type: 'person.moved.v1', subject: personRef, data: moved }]);
    await eventually(
      async () => {
        const r = await p.call(cases, 'ags.koordination', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({ municipality: 2422, status: 'at-sozialregion', atSozialregion: 'olten' });
      },
      { timeoutMs: 20_000 },
    );
    // case.transferred.v1 names the case's region, so it reaches Olten's instance (not Thal-Gäu's, issue 11 point 5):
    // Olten's history notes the new municipality and that it belongs to Thal-Gäu.
    await eventually(
      async () => {
        const r = await p.call(olten, 'sr.olten', 'GET', `/api/v1/cases/${dfpaCaseId}`);
        expect(r.body.history).toContainEqual(
          expect.objectContaining({
            action: 'municipality-changed',
            details: expect.objectContaining({ to: 2422, toSozialregion: 'thal-gaeu', otherRegion: true }),
          }),
        );
      },
      { timeoutMs: 20_000 },
    );

    // Olten hands the case on: returned to the municipality with person-moved and the new region.
    const move = await p.call(olten, 'sr.olten', 'POST', `/api/v1/cases/${dfpaCaseId}/move`, {
      toSozialregion: 'thal-gaeu',
      movedOn: day(-1),
    });
    expect(move.status).toBe(200);
    await eventually(
      async () => {
        const r = await p.call(cases, 'ags.koordination', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({
          municipality: 2422,
          status: 'open',
          atSozialregion: null,
          dfpaStatus: 'returned',
        });
      },
      { timeoutMs: 20_000 },
    );

    // The hand-over to Thal-Gäu goes through case-management's contract, routed to Thal-Gäu's queue only.
    const second = await p.call(cases, 'ags.koordination', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'Zuzug aus der Sozialregion Olten; DFPA weiterführen.',
    });
    expect(second.status).toBe(200);
    expect(second.body.handover).toMatchObject({ sozialregionId: 'thal-gaeu' });
    const thalHandover = second.body.handover.handoverId as string;
    const item = await inInbox(thal, 'sr.thal-gaeu', thalHandover);
    expect(item.person).toMatchObject({ officialName: arrival.personalData.officialName, personRef });
    expect(item.person.address).toMatchObject({ town: 'Balsthal' });
    const taken = await p.call(thal, 'sr.thal-gaeu', 'POST', `/api/v1/handovers/${thalHandover}/acceptance`, {
      caseworker: 'sr.thal-gaeu',
    });
    expect(taken.status).toBe(201);
    await eventually(
      async () => {
        const r = await p.call(cases, 'ags.koordination', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body).toMatchObject({
          status: 'at-sozialregion',
          atSozialregion: 'thal-gaeu',
          dfpaStatus: 'accepted',
        });
      },
      { timeoutMs: 20_000 },
    );
    // Thal-Gäu now reads the municipal case in case-management; Olten no longer does.
    expect((await p.call(cases, 'sr.thal-gaeu', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(200);
    expect((await p.call(cases, 'sr.olten', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404);

    // Olten's database keeps references, history and the assessment levels, not the person or the health constraints.
    const oltenDb = p.instances.get('olten')!.sql;
    expect(
      (await oltenDb.query('SELECT count(*)::int AS n FROM handover WHERE handover_id = $1', [thalHandover])).rows[0].n,
    ).toBe(0);
    const kept = JSON.stringify(
      (
        await oltenDb.query(
          `SELECT (SELECT state FROM dfpa_case WHERE dfpa_case_id = $1) AS state,
                  (SELECT request FROM handover WHERE handover_id = $2) AS request,
                  (SELECT count(*) FROM assessment_health WHERE dfpa_case_id = $1) AS health,
                  (SELECT count(*) FROM assessment WHERE dfpa_case_id = $1) AS assessments`,
          [dfpaCaseId, oltenHandover],
        )
      ).rows[0],
    );
    expect(kept).toContain(personRef);
    expect(kept).toContain('"health":"0"');
    expect(kept).toContain('"assessments":"1"');
    for (const personal of [arrival.personalData.officialName, arrival.personalData.firstName, 'Knieoperation'])
      expect(kept).not.toContain(personal);
    expect(JSON.stringify((await oltenDb.query('SELECT detail FROM audit_record')).rows)).not.toContain(
      arrival.personalData.officialName,
    );
  }, 120_000);
});
