import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { Reminders } from '../src/self-declaration/application/reminders.js';
import { SelfDeclarationQueue } from '../src/self-declaration/jobs/self-declaration-queue.js';
import { CaseStory } from './support/case-events.js';
import { startReportingApp, type ReportingTestApp } from './support/reporting-app.js';

/** Point 7: questionnaire versions, a round with deadline, prefilled drafts, submit, return, accept, reminders, results. */
const template = JSON.parse(
  readFileSync(new URL('../reference/self-declaration-questionnaire.json', import.meta.url), 'utf8'),
);
const { $comment: _c, ...definition } = template;
const SD = '/api/v1/self-declarations';

const complete = {
  'organisation-model': 'in-house',
  'operative-lead-percent': 40,
  'strategic-lead': 'council-portfolio',
  'political-function': true,
  'first-information-persons': 1,
  'integration-talks': 0,
  'offers-supported': ['language', 'mentoring'],
  needs: 'Mehr Dolmetschstunden',
};

describe('Selbstdeklaration', () => {
  let t: ReportingTestApp;
  let round: { id: string };
  beforeAll(async () => {
    t = await startReportingApp({ now: new Date('2027-04-15T10:00:00Z') });
    const s = new CaseStory({ municipality: 2601 });
    await t.publish([s.opened('2026-05-02'), s.talk('2026-06-01')]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const ok = async (
    user: Parameters<ReportingTestApp['call']>[0],
    method: string,
    path: string,
    body?: unknown,
    status = 200,
  ) => {
    const r = await t.call(user, method, path, body);
    if (r.status !== status)
      throw new Error(`${method} ${path} as ${String(user)}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  it('keeps a published questionnaire unchanged and refuses malformed ones naming the field', async () => {
    const bad = await t.call('ags.koordination', 'POST', `${SD}/questionnaires`, {
      ...definition,
      year: 2026,
      sections: [
        {
          key: 'a',
          title: 'A',
          questions: [
            { key: 'x', type: 'single', label: 'X', required: true, options: [{ value: 'only', label: 'Nur' }] },
          ],
        },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.rule).toMatch(/^SD2/);
    expect(bad.body.details.violations).toEqual([
      { path: 'sections[0].questions[0].options', message: expect.stringContaining('zwei Optionen') },
    ]);
    const draft = await ok('ags.koordination', 'POST', `${SD}/questionnaires`, { ...definition, year: 2026 }, 201);
    expect(draft).toMatchObject({ year: 2026, version: 1, status: 'draft' });
    await ok('ags.koordination', 'PUT', `${SD}/questionnaires/${draft.id}`, definition);
    await ok('ags.koordination', 'POST', `${SD}/questionnaires/${draft.id}/publication`);
    const frozen = await t.call('ags.koordination', 'PUT', `${SD}/questionnaires/${draft.id}`, definition);
    expect(frozen.status).toBe(409);
    expect(frozen.body.rule).toMatch(/^SD1/);
    await expect(
      t.sql.query(`UPDATE sd_questionnaire SET definition = '{}' WHERE id = $1`, [draft.id]),
    ).rejects.toThrow(/frozen/);
    round = await ok(
      'ags.koordination',
      'POST',
      `${SD}/rounds`,
      { year: 2026, questionnaireId: draft.id, deadline: '2027-04-25' },
      201,
    );
    expect(
      (
        await t.call('ags.koordination', 'POST', `${SD}/rounds`, {
          year: 2026,
          questionnaireId: draft.id,
          deadline: '2027-05-25',
        })
      ).status,
    ).toBe(409);
  });

  it("prefills the draft from the platform: organisation model, Leitgemeinde, the year's figures", async () => {
    const own = await ok('ib.solothurn', 'GET', `${SD}/rounds/${round.id}/responses/2601`);
    expect(own).toMatchObject({
      state: 'not-started',
      answeredByLeitgemeinde: false,
      answers: {
        'organisation-model': 'in-house',
        'leitgemeinde-bfs': null,
        'first-information-persons': 1,
        'integration-talks': 0,
      },
    });
    expect(own.prefilledFrom['first-information-persons']).toBe('platform');
    const member = await ok('ib.hubersdorf', 'GET', `${SD}/rounds/${round.id}/responses/2545`);
    expect(member).toMatchObject({
      answeredByLeitgemeinde: true,
      answers: { 'organisation-model': 'member', 'leitgemeinde-bfs': 2548 },
    });
    expect((await t.call('ib.olten', 'GET', `${SD}/rounds/${round.id}/responses/2601`)).status).toBe(403);
  });

  it('goes draft → submitted → returned → submitted → accepted, checking answers at every step', async () => {
    const base = `${SD}/rounds/${round.id}/responses/2601`;
    const wrong = await t.call('ib.solothurn', 'PUT', base, {
      answers: { 'operative-lead-percent': 900, 'strategic-lead': 'king' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details.violations.map((v: { path: string }) => v.path).sort()).toEqual([
      'answers.operative-lead-percent',
      'answers.strategic-lead',
    ]);
    expect((await ok('ib.solothurn', 'PUT', base, { answers: { 'operative-lead-percent': 40 } })).state).toBe('draft');
    const incomplete = await t.call('ib.solothurn', 'POST', `${base}/submission`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.violations).toEqual(
      expect.arrayContaining([{ path: 'answers.strategic-lead', message: 'Pflichtfrage ist nicht beantwortet' }]),
    );
    await ok('ib.solothurn', 'PUT', base, { answers: complete });
    expect((await ok('ib.solothurn', 'POST', `${base}/submission`)).state).toBe('submitted');
    expect((await t.call('ib.solothurn', 'PUT', base, { answers: complete })).status).toBe(409);
    expect((await t.call('ib.solothurn', 'POST', `${base}/acceptance`, {})).status).toBe(403);
    expect((await t.call('ags.koordination', 'POST', `${base}/return`, {})).status).toBe(422);
    const returned = await ok('ags.koordination', 'POST', `${base}/return`, { comment: 'Pensum bitte prüfen' });
    expect(returned).toMatchObject({ state: 'returned', comment: 'Pensum bitte prüfen' });
    await ok('ib.solothurn', 'PUT', base, { answers: { ...complete, 'operative-lead-percent': 50 } });
    await ok('ib.solothurn', 'POST', `${base}/submission`);
    const accepted = await ok('ags.koordination', 'POST', `${base}/acceptance`, {});
    expect(accepted.state).toBe('accepted');
    expect(accepted.history.map((h: { action: string; state: string }) => `${h.action}:${h.state}`)).toEqual([
      'save:draft',
      'save:draft',
      'submit:submitted',
      'return:returned',
      'save:returned',
      'submit:submitted',
      'accept:accepted',
    ]);
    const { rows } = await t.sql.query(
      `SELECT action FROM audit_record WHERE object_type = 'self-declaration' AND municipality = 2601 AND action <> 'self-declaration.read' ORDER BY id`,
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'self-declaration.save',
      'self-declaration.save',
      'self-declaration.submit',
      'self-declaration.return',
      'self-declaration.save',
      'self-declaration.submit',
      'self-declaration.accept',
    ]);
  });

  it('sends reminders through BullMQ and the reconciliation sweep, once each, to the outstanding only', async () => {
    // d-14 (2027-04-11) has passed when the round opened: its job ran at once.
    await eventually(
      async () => {
        const { rows } = await t.sql.query(
          `SELECT count(*)::int AS n FROM sd_reminder WHERE round_id = $1 AND kind = 'd-14'`,
          [round.id],
        );
        expect(rows[0].n).toBeGreaterThanOrEqual(105);
      },
      { timeoutMs: 20_000 },
    );
    const delayed = await t.app.get(SelfDeclarationQueue).bullQueue.getJobs(['delayed']);
    expect(
      delayed
        .map((j) => j.id)
        .filter((id) => id?.startsWith('sd-reminder'))
        .sort(),
    ).toEqual([`sd-reminder-${round.id}-d+1`, `sd-reminder-${round.id}-d-3`]);
    t.clock.at = new Date('2027-04-22T07:00:00Z');
    const reminders = t.app.get(Reminders);
    expect(await reminders.sweep('2027-04-22', t.clock.instant())).toBe(105); // d-3 to all but Solothurn (accepted)
    expect(await reminders.sweep('2027-04-22', t.clock.instant())).toBe(0);
    const list = await ok('ags.koordination', 'GET', `${SD}/rounds/${round.id}/reminders`);
    expect(
      list.filter((r: { municipality: number; kind: string }) => r.municipality === 2601 && r.kind === 'd-3'),
    ).toEqual([]);
    t.clock.at = new Date('2027-04-15T10:00:00Z');
  });

  it("shows results per question, the share submitted, and last year's answers beside this year's under a new questionnaire version", async () => {
    const results = await ok('ags.koordination', 'GET', `${SD}/rounds/${round.id}/results`);
    expect(results).toMatchObject({
      year: 2026,
      municipalities: 106,
      shareSubmittedPercent: 0.9,
      byState: { accepted: 1, 'not-started': 105 },
    });
    const anchoring = results.questions.find((q: { key: string }) => q.key === 'political-function');
    expect(anchoring.options).toEqual([
      { value: 'true', label: 'Ja', count: 1, sharePercent: 100 },
      { value: 'false', label: 'Nein', count: 0, sharePercent: 0 },
    ]);

    const next = await ok(
      'ags.koordination',
      'POST',
      `${SD}/questionnaires`,
      { ...definition, year: 2027, title: 'Selbstdeklaration 2027' },
      201,
    );
    await ok('ags.koordination', 'POST', `${SD}/questionnaires/${next.id}/publication`);
    const round2027 = await ok(
      'ags.koordination',
      'POST',
      `${SD}/rounds`,
      { year: 2027, questionnaireId: next.id, deadline: '2028-03-31' },
      201,
    );
    const draft = await ok('ib.solothurn', 'GET', `${SD}/rounds/${round2027.id}/responses/2601`);
    expect(draft.answers['strategic-lead']).toBe('council-portfolio');
    expect(draft.prefilledFrom['strategic-lead']).toBe('previous-year');
    expect(draft.answers['first-information-persons']).toBe(0); // 2027 from the platform, not last year's 1
    const yoy = (await ok('ags.koordination', 'GET', `${SD}/rounds/${round2027.id}/results`)).questions.find(
      (q: { key: string }) => q.key === 'operative-lead-percent',
    );
    expect(yoy.previousYear).toMatchObject({
      year: 2026,
      questionnaireVersion: 1,
      answered: 1,
      numbers: { sum: 50, mean: 50, median: 50 },
    });
    const old = await ok('ags.koordination', 'GET', `${SD}/rounds/${round.id}/responses/2601`);
    expect(old).toMatchObject({
      questionnaireVersion: 1,
      state: 'accepted',
      answers: { 'operative-lead-percent': 50 },
    });
  });
});
