import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCloudEvent, Headers } from '@si/messaging';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { daysAgo } from './support/person-events.js';

/**
 * Issue 11, point 1: answers to a hand-over are applied only when they come from the region it went to. The envelope
 * attribute `sozialregionid` (set by the answering instance, carried as the header its region's routing uses) must
 * equal the answer's region, and that region must be the hand-over's; anything else lands in the DLQ with the reason.
 */
describe("case-management: DFPA answers only from the hand-over's region", () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(() => t?.close());

  const status = async (caseId: string) =>
    (await t.sql.query('SELECT status FROM case_record WHERE case_id = $1', [caseId])).rows[0].status as string;

  async function dlqReasons(): Promise<string[]> {
    const channel = await t.amqp.createChannel();
    const reasons: string[] = [];
    try {
      for (
        let msg = await channel.get(`${t.prefix}case-management.dfpa-events.dlq`);
        msg;
        msg = await channel.get(`${t.prefix}case-management.dfpa-events.dlq`)
      ) {
        reasons.push(String(msg.properties.headers?.[Headers.error] ?? ''));
        channel.nack(msg, false, true);
        if (reasons.length > 20) break;
      }
    } finally {
      await channel.close().catch(() => undefined);
    }
    return reasons;
  }

  async function publishAs(region: string, type: string, caseId: string, data: Record<string, unknown>) {
    const event = { ...buildCloudEvent('dfpa', { type, subject: caseId, data }), sozialregionid: region };
    const channel = await t.amqp.createConfirmChannel();
    await new Promise<void>((resolve, reject) =>
      channel.publish(
        t.topology.exchange,
        type,
        Buffer.from(JSON.stringify(event)),
        {
          persistent: true,
          messageId: event.id,
          contentType: 'application/cloudevents+json',
          type,
          headers: { sozialregionid: region },
        },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    await channel.close();
  }

  it('dead-letters an acceptance whose envelope names another region than its data, and applies the right one', async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2581, municipalityName: 'Olten' });
    const requested = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'DFPA angezeigt',
    });
    const handoverId = requested.body.handover.handoverId as string;
    const answer = {
      handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'olten',
      municipality: 2581,
      acceptedOn: daysAgo(0),
    };
    await publishAs('thal-gaeu', 'dfpa.case-accepted.v1', caseId, answer);
    await eventually(async () =>
      expect((await dlqReasons()).some((r) => r.includes('R25') && r.includes('published for thal-gaeu'))).toBe(true),
    );
    expect(await status(caseId)).toBe('dfpa-handover-requested');

    await publishAs('thal-gaeu', 'dfpa.case-accepted.v1', caseId, { ...answer, sozialregionId: 'thal-gaeu' });
    await eventually(async () =>
      expect((await dlqReasons()).some((r) => r.includes('handover-wrong-sozialregion'))).toBe(true),
    );
    expect(await status(caseId)).toBe('dfpa-handover-requested');

    await publishAs('olten', 'dfpa.case-accepted.v1', caseId, answer);
    await eventually(async () => expect(await status(caseId)).toBe('at-sozialregion'));
    const detail = await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({
      status: 'at-sozialregion',
      atSozialregion: 'olten',
      sozialregion: 'olten',
      dfpaStatus: 'accepted',
    });
  });

  it('shows the officer the coarse DFPA status only, from the region and DFPA case of the accepted hand-over (R25)', async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2581, municipalityName: 'Olten' });
    const requested = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'DFPA angezeigt',
    });
    const handoverId = requested.body.handover.handoverId as string;
    const dfpaCaseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    await publishAs('olten', 'dfpa.case-accepted.v1', caseId, {
      handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'olten',
      municipality: 2581,
      acceptedOn: daysAgo(0),
      dfpaCaseRef: dfpaCaseId,
    });
    await eventually(async () => expect(await status(caseId)).toBe('at-sozialregion'));
    const refs = (region: string) => ({
      dfpaCaseId,
      caseId,
      personRef: 'p-x',
      sozialregionId: region,
      municipality: 2581,
    });
    const assessed = (region: string) => ({
      ...refs(region),
      assessmentVersion: 1,
      kind: 'kurzassessment',
      assessedOn: daysAgo(0),
      languages: [{ language: 'de', oral: 'A2', written: 'A1' }],
      schoolingOverSixYears: true,
      literate: true,
      literateLatin: true,
      workExperienceOverOneYear: false,
      employability: 'open',
      employableOn: null,
    });
    await publishAs('thal-gaeu', 'dfpa.assessment-completed.v1', dfpaCaseId, assessed('thal-gaeu'));
    await eventually(async () =>
      expect((await dlqReasons()).some((r) => r.includes('handover-wrong-sozialregion'))).toBe(true),
    );
    await publishAs('olten', 'dfpa.assessment-completed.v1', dfpaCaseId, assessed('olten'));
    const view = async () => (await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`)).body;
    await eventually(async () => expect((await view()).dfpaStatus).toBe('assessment-done'));
    await publishAs('olten', 'dfpa.plan-agreed.v1', dfpaCaseId, {
      ...refs('olten'),
      planVersion: 1,
      agreedOn: daysAgo(0),
      reviewOn: daysAgo(-180),
      goalAreas: ['sprache'],
    });
    await eventually(async () => expect((await view()).dfpaStatus).toBe('plan-active'));
    // A reassessment does not move the status back; the officer never sees levels or goals.
    await publishAs('olten', 'dfpa.assessment-completed.v1', dfpaCaseId, {
      ...assessed('olten'),
      assessmentVersion: 2,
    });
    await new Promise((r) => setTimeout(r, 800));
    const shown = await view();
    expect(shown).toMatchObject({ status: 'at-sozialregion', sozialregion: 'olten', dfpaStatus: 'plan-active' });
    expect(JSON.stringify(shown)).not.toMatch(/kurzassessment|goalAreas|"A2"/);
  });
});
