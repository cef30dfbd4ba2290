import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobId } from '@si/jobs';
import { eventually } from '@si/testing';
import { Clock } from '../src/shared/clock.js';
import { addMonths, localDate } from '../src/cases/domain/index.js';
import { DeadlineQueue, SWEEP_JOB } from '../src/cases/jobs/deadline-queue.js';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { daysAgo } from './support/person-events.js';
import { TestClock } from './support/test-clock.js';

describe('first-information deadline: due date in PostgreSQL, reminder on BullMQ, reconciliation sweep', () => {
  let t: CaseTestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await startCaseApp({
      override: (b) => b.overrideProvider(Clock).useValue(clock),
      config: { sweepEveryMs: 1000, reminderLeadDays: 14, firstInformationMonths: 3 },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const reminders = async (caseId: string) =>
    (await t.sql.query('SELECT due::text AS due, source FROM deadline_reminder WHERE case_id = $1', [caseId])).rows;
  const due = async (caseId: string) =>
    (await t.sql.query('SELECT first_information_due::text AS due FROM case_record WHERE case_id = $1', [caseId]))
      .rows[0].due as string;

  // Opening a case whose reminder day has already come races the immediate job against the sweep (every
  // second here). Both are correct: the effect is one `deadline_reminder` row per case and due date, whoever
  // writes it; `source` only says which path got there first. So this test accepts either writer and asserts
  // the promise (exactly one reminder), and the next one proves the job path alone with the sweep paused.
  it('stores the due date (registration + 3 months) and reminds once, by the job or the sweep, whichever comes first', async () => {
    const { caseId } = await openCase(t, { arrivalDate: daysAgo(100) });
    const dueOn = await due(caseId);
    expect(dueOn).toBe(addMonths(localDate(daysAgo(100)), 3));
    await eventually(async () => expect(await reminders(caseId)).toHaveLength(1), { timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 1500)); // one more sweep: still one reminder
    const rows = await reminders(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0].due).toBe(dueOn);
    expect(['job', 'sweep']).toContain(rows[0].source);
  });

  it('reminds through the job alone when no sweep runs', async () => {
    const queue = t.app.get(DeadlineQueue).bullQueue;
    await queue.removeJobScheduler(SWEEP_JOB);
    try {
      // A sweep already taken from the schedule may still be waiting or running: let it finish first.
      await eventually(
        async () => {
          const pending = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
          expect(pending.filter((j) => j.name === SWEEP_JOB)).toEqual([]);
        },
        { timeoutMs: 15_000 },
      );
      const { caseId } = await openCase(t, { arrivalDate: daysAgo(100) });
      await eventually(
        async () => expect(await reminders(caseId)).toEqual([{ due: await due(caseId), source: 'job' }]),
        { timeoutMs: 15_000 },
      );
    } finally {
      await queue.upsertJobScheduler(SWEEP_JOB, { every: 1000 }, { name: SWEEP_JOB, data: {} });
    }
  });

  it('schedules a delayed job for a future reminder; when Redis loses it, the sweep reminds once the day has come', async () => {
    const { caseId } = await openCase(t, { arrivalDate: daysAgo(10) });
    const dueOn = await due(caseId);
    const queue = t.app.get(DeadlineQueue).bullQueue;
    const job = await eventually(async () => {
      const j = await queue.getJob(jobId('fi-reminder', caseId, dueOn));
      if (!j) throw new Error('job not scheduled yet');
      return j;
    });
    expect(await job.isDelayed()).toBe(true);
    await job.remove(); // what a Redis without persistence loses on a restart
    await new Promise((r) => setTimeout(r, 1500));
    expect(await reminders(caseId)).toEqual([]); // the day has not come: the sweep must not remind early

    clock.advanceDays(75); // past due − 14 days
    await eventually(async () => expect(await reminders(caseId)).toEqual([{ due: dueOn, source: 'sweep' }]), {
      timeoutMs: 15_000,
    });
    clock.advanceDays(-75);
  });

  it('sends no reminder for a suspended deadline or one met, and one reminder only per due date', async () => {
    const suspended = await openCase(t, { arrivalDate: daysAgo(100) });
    // The suspension races the immediate job; either way at most one reminder exists for that due date.
    await t.call('ib.solothurn', 'POST', `/api/v1/cases/${suspended.caseId}/first-information-deadline/suspension`, {
      since: daysAgo(1),
      reason: 'Spitalaufenthalt',
    });
    const met = await openCase(t, { arrivalDate: daysAgo(20) });
    await t.call('ib.solothurn', 'POST', `/api/v1/cases/${met.caseId}/first-information/info-folder`, {
      handedOutOn: daysAgo(1),
      language: 'tir',
    });
    clock.advanceDays(120);
    await new Promise((r) => setTimeout(r, 2500)); // two sweeps
    clock.advanceDays(-120);
    expect((await reminders(suspended.caseId)).length).toBeLessThanOrEqual(1);
    expect(await reminders(met.caseId)).toEqual([]);
    const { rows } = await t.sql.query('SELECT reminder_on FROM case_record WHERE case_id = ANY($1)', [
      [suspended.caseId, met.caseId],
    ]);
    expect(rows.every((r: { reminder_on: unknown }) => r.reminder_on === null)).toBe(true);
  });
});
