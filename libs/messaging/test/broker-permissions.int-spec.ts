import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { repoRoot } from '@si/testing';
import { brokerUsers } from '../src/topology/broker-users.js';
import { eventProducers } from '../src/topology/topology-definitions.js';
import {
  declareOwnQueues,
  declareTopology,
  deleteTopology,
  loadTopology,
  resolveTopology,
} from '../src/topology/topology.js';
import { AMQP_URL } from './support/messaging-fixture.js';

/**
 * Security probe F1 as a regression test, against the local broker with the users infra/scripts/lib.sh imports from
 * infra/rabbitmq/definitions-local.json: each service's own credentials may publish only the event types it owns,
 * may neither read, bind to, inject into nor delete what belongs to another service.
 */
const topology = loadTopology();
const producers = eventProducers();
const users = brokerUsers(topology, producers, { testPrefix: true });
const brokerUrl = (user: string) => {
  const url = new URL(AMQP_URL);
  url.username = user;
  url.password = user; // development passwords (= user name), as in definitions-local.json
  return url.toString();
};
const rabbitmqctl = (...args: string[]) =>
  execFileSync('bash', [join(repoRoot(), 'infra', 'scripts', 'infra.sh'), 'rabbitmqctl', ...args], {
    stdio: 'pipe',
    timeout: 60_000,
  });

/** Runs `op` on a fresh channel of `model`; resolves 'ok', or the broker's refusal text when it closes the channel. */
async function attempt(model: ChannelModel, op: (ch: ConfirmChannel) => Promise<unknown>): Promise<string> {
  const ch = await model.createConfirmChannel();
  const closed = new Promise<string>((resolve) => ch.on('error', (err: Error) => resolve(err.message)));
  const outcome = await Promise.race([
    op(ch).then(
      () => 'ok',
      (err: Error) => closed.then((m) => m || err.message),
    ),
    closed,
  ]);
  await ch.close().catch(() => undefined);
  return outcome;
}

const publish = (ch: ConfirmChannel, exchange: string, key: string) =>
  new Promise<void>((resolve, reject) =>
    ch.publish(exchange, key, Buffer.from('{}'), { persistent: true }, (err: unknown) =>
      err ? reject(err) : resolve(),
    ),
  );

describe('broker users: one per service, rights from topology.json and the contracts (security probe F1)', () => {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const exchange = `${prefix}${topology.exchange}`;
  let admin: ChannelModel;
  let adminChannel: Channel;
  const models = new Map<string, ChannelModel>();
  const as = async (user: string) => {
    let m = models.get(user);
    if (!m) {
      m = await connect(brokerUrl(user));
      m.on('error', () => undefined);
      models.set(user, m);
    }
    return m;
  };

  beforeAll(async () => {
    admin = await connect(AMQP_URL);
    adminChannel = await admin.createChannel();
    // A copy of si.events with the same topic permissions as the real one: there the allowed publishes land nowhere real.
    await adminChannel.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
    await adminChannel.assertQueue(`${prefix}case-management.victim`, { durable: false });
    for (const user of ['registry-intake', 'case-management']) {
      const rights = users.find((u) => u.name === user)?.topic.find((t) => t.exchange === topology.exchange);
      rabbitmqctl('set_topic_permissions', '-p', '/', user, exchange, rights?.write ?? '^$', rights?.read ?? '^$');
    }
  });

  afterAll(async () => {
    for (const user of ['registry-intake', 'case-management']) {
      try {
        rabbitmqctl('clear_topic_permissions', '-p', '/', user, exchange);
      } catch {
        // the exchange's permissions go with it
      }
    }
    for (const m of models.values()) await m.close().catch(() => undefined);
    await adminChannel.deleteQueue(`${prefix}case-management.victim`).catch(() => undefined);
    await adminChannel.deleteExchange(exchange).catch(() => undefined);
    await admin.close().catch(() => undefined);
  });

  it('every service that connects with its own credentials publishes its own event types and is refused every other type on si.events', async () => {
    const refusedOnReal: string[] = [];
    for (const user of users) {
      const model = await as(user.name);
      const foreign = [...producers].find(([, producer]) => producer !== user.name)?.[0] ?? 'case.forged.v1';
      const outcome = await attempt(model, (ch) => publish(ch, topology.exchange, foreign));
      if (/ACCESS_REFUSED|403/.test(outcome)) refusedOnReal.push(user.name);
    }
    expect(refusedOnReal.sort()).toEqual(users.map((u) => u.name).sort());

    const intake = await as('registry-intake');
    const cases = await as('case-management');
    expect(await attempt(intake, (ch) => publish(ch, exchange, 'person.arrived.v1'))).toBe('ok');
    expect(await attempt(cases, (ch) => publish(ch, exchange, 'case.opened.v1'))).toBe('ok');
    expect(await attempt(cases, (ch) => publish(ch, exchange, 'person.arrived.v1'))).toMatch(/ACCESS_REFUSED/); // the probe's forged arrival
    expect(await attempt(intake, (ch) => publish(ch, exchange, 'case.securityprobe.v1'))).toMatch(/ACCESS_REFUSED/);
  });

  it("a service can neither consume another service's queue nor bind its own queue to events it does not consume (no eavesdropping)", async () => {
    const reporting = await as('reporting');
    expect(await attempt(reporting, (ch) => ch.consume('case-management.person-events', () => undefined))).toMatch(
      /ACCESS_REFUSED/,
    );
    expect(
      await attempt(reporting, (ch) =>
        ch.checkQueue('subsidies.case-events').then(() => ch.get('subsidies.case-events')),
      ),
    ).toMatch(/ACCESS_REFUSED/);
    const own = `reporting.probe-${randomBytes(3).toString('hex')}`;
    expect(await attempt(reporting, (ch) => ch.assertQueue(own, { exclusive: false, durable: false }))).toBe('ok');
    try {
      expect(await attempt(reporting, (ch) => ch.bindQueue(own, topology.exchange, 'person.arrived.v1'))).toMatch(
        /ACCESS_REFUSED/,
      );
      expect(await attempt(reporting, (ch) => ch.bindQueue(own, topology.exchange, 'case.opened.v1'))).toBe('ok'); // one it does consume
      expect(
        await attempt(reporting, (ch) => ch.bindQueue(own, topology.retryExchange, 'case-management.person-events')),
      ).toMatch(/ACCESS_REFUSED/);
    } finally {
      await attempt(reporting, (ch) => ch.deleteQueue(own));
    }
  });

  it("a service can neither route into another consumer's retry or dead-letter path, nor declare or delete another's queues", async () => {
    const intake = await as('registry-intake');
    expect(await attempt(intake, (ch) => publish(ch, topology.retryExchange, 'case-management.person-events'))).toMatch(
      /ACCESS_REFUSED/,
    );
    expect(
      await attempt(intake, (ch) => publish(ch, topology.deadLetterExchange, 'case-management.person-events')),
    ).toMatch(/ACCESS_REFUSED/);
    expect(await attempt(intake, (ch) => ch.deleteQueue(`${prefix}case-management.victim`))).toMatch(/ACCESS_REFUSED/);
    expect(await attempt(intake, (ch) => ch.assertQueue(`${prefix}case-management.spy`, { durable: false }))).toMatch(
      /ACCESS_REFUSED/,
    );
    expect(await attempt(intake, (ch) => ch.assertExchange('si.probe', 'topic'))).toMatch(/ACCESS_REFUSED/);
    await adminChannel.checkQueue(`${prefix}case-management.victim`); // still there
  });

  it('with its own rights a service declares its own queues and bindings once the administrator declared the topology (what it does at start)', async () => {
    const ownPrefix = `t${randomBytes(4).toString('hex')}.`;
    const resolved = resolveTopology(topology, ownPrefix);
    const setup = await admin.createChannel();
    await declareTopology(setup, resolved);
    try {
      for (const user of users) {
        expect([
          user.name,
          await attempt(await as(user.name), (ch) => declareOwnQueues(ch, resolved, user.name, ownPrefix)),
        ]).toEqual([user.name, 'ok']);
      }
      expect(await attempt(await as('case-management'), (ch) => declareTopology(ch, resolved))).toMatch(
        /ACCESS_REFUSED/,
      ); // not the whole
    } finally {
      await deleteTopology(setup, resolved).catch(() => undefined);
      await setup.close().catch(() => undefined);
    }
  });
});
