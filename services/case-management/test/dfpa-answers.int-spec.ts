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
describe('case-management: DFPA answers only from the hand-over\'s region', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(() => t?.close());

  const status = async (caseId: string) => (await t.sql.query('SELECT status FROM case_record WHERE case_id = $1', [caseId])).rows[0].status as string;

  async function dlqReasons(): Promise<string[]> {
    const channel = await t.amqp.createChannel();
    const reasons: string[] = [];
    try {
      for (let msg = await channel.get(`${t.prefix}case-management.dfpa-events.dlq`); msg; msg = await channel.get(`${t.prefix}case-management.dfpa-events.dlq`)) {
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
    await new Promise<void>((resolve, reject) => channel.publish(t.topology.exchange, type, Buffer.from(JSON.stringify(event)), {
      persistent: true, messageId: event.id, contentType: 'application/cloudevents+json', type, headers: { sozialregionid: region },
    }, (err) => (err ? reject(err) : resolve())));
    await channel.close();
  }

  it('dead-letters an acceptance whose envelope names another region than its data, and applies the right one', async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2581, municipalityName: 'Olten' });
    const requested = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, { reason: 'DFPA angezeigt' });
    const handoverId = requested.body.handover.handoverId as string;
    const answer = { handoverId, caseId, personRef: 'p-x', sozialregionId: 'olten', municipality: 2581, acceptedOn: daysAgo(0) };
    await publishAs('thal-gaeu', 'dfpa.case-accepted.v1', caseId, answer);
    await eventually(async () => expect((await dlqReasons()).some((r) => r.includes('R25') && r.includes('published for thal-gaeu'))).toBe(true));
    expect(await status(caseId)).toBe('dfpa-handover-requested');

    await publishAs('thal-gaeu', 'dfpa.case-accepted.v1', caseId, { ...answer, sozialregionId: 'thal-gaeu' });
    await eventually(async () => expect((await dlqReasons()).some((r) => r.includes('handover-wrong-sozialregion'))).toBe(true));
    expect(await status(caseId)).toBe('dfpa-handover-requested');

    await publishAs('olten', 'dfpa.case-accepted.v1', caseId, answer);
    await eventually(async () => expect(await status(caseId)).toBe('at-sozialregion'));
    const detail = await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'at-sozialregion', atSozialregion: 'olten' });
  });
});
