import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateEventDelivery } from '../src/ech/generator/delivery-generator.js';
import { DEFAULT_TARGET_GROUP_RULE } from '../src/rules/target-group-default.rule.js';
import { outboxRows, startIntakeApp, type IntakeTestApp } from './support/intake-app.js';
import { breakSchema } from './support/xml.js';

let t: IntakeTestApp;
beforeAll(async () => {
  t = await startIntakeApp();
}, 90_000);
afterAll(async () => {
  await t?.close();
});

/** A move-in for BFS 2423: in Solothurn's number block, but no municipality in the master data (yet). */
function moveInForUnknownMunicipality(messageId: string, seed: number): string {
  const xml = generateEventDelivery('moveIn-abroad', { municipality: 2601, seed, messageId }).xml;
  const moved = xml.replace(/(municipalityId>)2601(<)/g, '$12423$2');
  if (moved === xml) throw new Error('no municipalityId to replace');
  return moved;
}

const ruleWithS = {
  ...DEFAULT_TARGET_GROUP_RULE,
  version: 'so-2026.2-s',
  validFrom: '2026-06-01',
  description: 'S permits open a case',
  byCategory: { ...DEFAULT_TARGET_GROUP_RULE.byCategory, S: true },
};

describe('the target-group rule API (AGS, with history)', () => {
  it('gives the rule in force, refuses an incomplete one listing every problem, stores a new version with its author', async () => {
    const current = await t.call('ags.koordination', 'GET', '/api/v1/target-group-rule');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      version: 'so-default-2026.1',
      validFrom: '2026-01-01',
      rule: { byCategory: { B: true, N: false, S: false } },
    });

    const { S: _s, ...withoutS } = DEFAULT_TARGET_GROUP_RULE.byCategory;
    const bad = await t.call('ags.koordination', 'PUT', '/api/v1/target-group-rule', {
      ...ruleWithS,
      version: 'x',
      byCategory: { ...withoutS, Z: true },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining(['byCategory.S: true or false is required', 'byCategory.Z: not a permit category']),
    );

    const early = await t.call('ags.koordination', 'PUT', '/api/v1/target-group-rule', {
      ...ruleWithS,
      version: 'too-early',
      validFrom: '2025-01-01',
    });
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/never be in force/);

    const stored = await t.call('ags.koordination', 'PUT', '/api/v1/target-group-rule', ruleWithS);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      version: 'so-2026.2-s',
      validFrom: '2026-06-01',
      createdBy: 'ags.koordination',
      rule: { byCategory: { S: true } },
    });
    expect((await t.call('ags.koordination', 'PUT', '/api/v1/target-group-rule', ruleWithS)).status).toBe(409);

    const history = await t.call('ags.koordination', 'GET', '/api/v1/target-group-rule/history');
    expect(history.body.versions.map((v: { version: string }) => v.version)).toEqual([
      'so-default-2026.1',
      'so-2026.2-s',
    ]);
    expect(history.body.inForce).toBe('so-2026.2-s');
    expect(
      (await t.call('ib.solothurn', 'PUT', '/api/v1/target-group-rule', { ...ruleWithS, version: 'ib-try' })).status,
    ).toBe(403);
    const audit = await t.sql.query(
      `SELECT actor_username FROM audit_record WHERE action = 'target-group-rule.change'`,
    );
    expect(audit.rows).toEqual([{ actor_username: 'ags.koordination' }]);
    // The history cannot be rewritten, not even by the service's own database role.
    await expect(t.sql.query(`UPDATE target_group_rule_version SET valid_from = '2020-01-01'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('records the version in force and its decision on every arrival', async () => {
    const r = await t.deliver(
      'register-connector',
      generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 3, messageId: 'rule-version-1' }).xml,
    );
    expect(r.status).toBe(202);
    const d = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${r.body.id}`);
    expect(d.body.ruleVersion).toBe('so-2026.2-s');
    expect(d.body.outcomes[0].targetGroup).toMatchObject({
      ruleVersion: 'so-2026.2-s',
      opensCase: expect.any(Boolean),
      basis: expect.any(String),
    });
    const [event] = (await outboxRows(t, 'person.arrived.v1')).filter((e) => e.id === d.body.outcomes[0].eventId);
    expect(event.payload.data.targetGroup).toEqual(d.body.outcomes[0].targetGroup);
  });
});

describe('quarantine and reprocess', () => {
  it('quarantines an unknown municipality clearly, lists it, and reprocesses it after the master data is fixed and the rule changed', async () => {
    const refused = await t.deliver('register-connector', moveInForUnknownMunicipality('unknown-bfs-1', 11));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'municipality-unknown',
      reprocessable: true,
      deliveryStatus: 'quarantined',
    });
    expect(refused.body.detail).toMatch(/BFS number 2423 is not a current Solothurn municipality/);
    const id = refused.body.deliveryId;

    const list = await t.call('ags.koordination', 'GET', '/api/v1/deliveries/quarantine');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id,
        status: 'quarantined',
        reprocessable: true,
        refusal: expect.objectContaining({ code: 'municipality-unknown' }),
      }),
    );

    // Without the fix the reprocess refuses again, and says so.
    const still = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${id}/reprocess`);
    expect(still.status).toBe(200);
    expect(still.body).toMatchObject({ id, status: 'quarantined', refusal: { code: 'municipality-unknown' } });

    // The fix: the municipality enters the master data; and AGS changes the rule meanwhile.
    appendFileSync(
      join(t.referenceDir, 'solothurn-municipalities.csv'),
      '2423,Neudorf (SO),SO,1109,Bezirk Solothurn,test,new municipality\n',
    );
    const rule = {
      ...ruleWithS,
      version: 'so-2026.3-n',
      validFrom: '2026-07-01',
      byCategory: { ...ruleWithS.byCategory, N: true },
    };
    expect((await t.call('ags.koordination', 'PUT', '/api/v1/target-group-rule', rule)).status).toBe(200);

    const done = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${id}/reprocess`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, status: 'accepted', emitted: 1 });
    const d = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${id}`);
    expect(d.body).toMatchObject({ status: 'accepted', attempts: 3, municipality: 2423, ruleVersion: 'so-2026.3-n' });
    const [event] = (await outboxRows(t, 'person.arrived.v1')).filter((e) => e.id === d.body.outcomes[0].eventId);
    expect(event.payload.data).toMatchObject({ bfsNumber: 2423, targetGroup: { ruleVersion: 'so-2026.3-n' } });
    expect(d.body.outcomes[0].notes.join(' ')).toMatch(/differs from the official name/);

    // Accepted now: a second reprocess is refused, and nothing is emitted twice.
    const twice = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${id}/reprocess`);
    expect(twice.status).toBe(409);
    expect(
      (await outboxRows(t, 'person.arrived.v1')).filter((e) => e.payload.data.source.messageId === 'unknown-bfs-1'),
    ).toHaveLength(1);
    expect(
      (await t.call('ags.koordination', 'GET', '/api/v1/deliveries/quarantine')).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(id);
  });

  it('refuses to reprocess a delivery refused for its bytes: the sender must send a corrected one', async () => {
    const bad = await t.deliver(
      'register-connector',
      breakSchema(generateEventDelivery('death', { municipality: 2601, seed: 5, messageId: 'bytes-bad' }).xml),
    );
    expect(bad.status).toBe(422);
    const r = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${bad.body.deliveryId}/reprocess`);
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/schema-invalid/);
  });

  it("lets only AGS reprocess, and hides other municipalities' deliveries from an IB", async () => {
    const refused = await t.deliver(
      'register-connector',
      moveInForUnknownMunicipality('unknown-bfs-2', 12).replace(/(municipalityId>)2423(<)/g, '$12429$2'),
    );
    expect(refused.status).toBe(422);
    expect(
      (await t.call('ib.solothurn', 'POST', `/api/v1/deliveries/${refused.body.deliveryId}/reprocess`)).status,
    ).toBe(403);
    expect((await t.call('ib.olten', 'GET', `/api/v1/deliveries/${refused.body.deliveryId}`)).status).toBe(404);
    const audits = await t.sql.query(`SELECT action, outcome FROM audit_record WHERE object_id = $1 ORDER BY id`, [
      refused.body.deliveryId,
    ]);
    expect(audits.rows).toEqual(
      expect.arrayContaining([
        { action: 'delivery.create', outcome: 'granted' },
        { action: 'delivery.read', outcome: 'denied' },
      ]),
    );
  });

  it('quarantines an interrupted delivery when its lease runs out, and a reprocess finishes it', async () => {
    // A large delivery whose process died: its row is processing (its transaction died with it), its lease has run out.
    const xml = generateEventDelivery('moveIn-abroad', {
      municipality: 2601,
      seed: 21,
      messageId: 'interrupted-1',
    }).xml;
    const id = '00000000-0000-4000-8000-00000000a001';
    await t.sql.query(
      `INSERT INTO delivery (id, message_id, source, submitted_by, submitted_by_subject, status, raw_store, raw_complete, lease_until, bytes)
      VALUES ($1, 'interrupted-1', 'http', 'register-connector', 'x', 'processing', 'db', true, now() - interval '1 minute', $2)`,
      [id, Buffer.byteLength(xml)],
    );
    await t.sql.query('INSERT INTO delivery_raw (delivery_id, seq, chunk) VALUES ($1, 0, $2)', [id, Buffer.from(xml)]);
    // Once its lease has run out, the maintenance sweep quarantines it (a resend would take the message over too).
    const { IntakeMaintenance } = await import('../src/deliveries/application/intake-maintenance.js');
    const swept = await t.app.get(IntakeMaintenance).runOnce();
    expect(swept.interrupted).toEqual([id]);
    const q = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${id}`);
    expect(q.body).toMatchObject({ status: 'quarantined', reprocessable: true, refusal: { code: 'interrupted' } });
    const r = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${id}/reprocess`);
    expect(r.body).toMatchObject({ status: 'accepted', emitted: 1 });
  });
});
