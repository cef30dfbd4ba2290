import { eventually } from '@si/testing';
import { handoverData } from './handover-event.js';
import type { DfpaTestApp } from './dfpa-app.js';

/** A hand-over for `region` received by the app and taken over by `caller`: the DFPA case a test works on. */
export async function takeOverIn(t: DfpaTestApp, region = 'olten', caller: 'sr.olten' | 'sr.thal-gaeu' = 'sr.olten') {
  const h = handoverData(region);
  await t.publishHandover(h);
  await eventually(async () =>
    expect((await t.as(caller, 'GET', `/api/v1/handovers/${h.handoverId}`)).status).toBe(200),
  );
  const accepted = await t.as(caller, 'POST', `/api/v1/handovers/${h.handoverId}/acceptance`, { caseworker: caller });
  expect(accepted.status).toBe(201);
  return { h, id: accepted.body.dfpaCaseId as string };
}
