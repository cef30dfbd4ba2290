import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEventSchemas } from '@si/contracts';
import { topicMatches } from '../events/topic-match.js';
import { definitionsFromTopology } from './topology-definitions.js';
import { loadTopology, resolveTopology, topologyPlan } from './topology.js';

const topology = loadTopology();
const services = ['registry-intake', 'case-management', 'dfpa', 'offers', 'subsidies', 'reporting'];

describe('infra/rabbitmq topology', () => {
  it('definitions.json is generated from topology.json (run infra/rabbitmq/generate-definitions.mjs)', () => {
    const committed = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url)), 'utf8'),
    );
    expect(committed).toEqual(definitionsFromTopology(topology));
  });

  it('names queues <service>.<purpose> and gives each a DLQ, retry queues and at-least-once dead-lettering', () => {
    const plan = topologyPlan(resolveTopology(topology));
    for (const q of topology.queues) {
      expect(services).toContain(q.consumer);
      expect(q.name.startsWith(`${q.consumer}.`)).toBe(true);
      expect(q.bindings.length).toBeGreaterThan(0);
      const main = plan.queues.find((p) => p.name === q.name);
      expect(main?.arguments).toMatchObject({
        'x-queue-type': 'quorum',
        'x-dead-letter-exchange': topology.deadLetterExchange,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
        'x-delivery-limit': expect.any(Number),
        'x-max-length': expect.any(Number),
      });
      expect(plan.queues.map((p) => p.name)).toEqual(
        expect.arrayContaining([`${q.name}.dlq`, `${q.name}.retry.1s`, `${q.name}.retry.5s`, `${q.name}.retry.30s`]),
      );
    }
    expect(new Set(topology.queues.map((q) => q.name)).size).toBe(topology.queues.length);
  });

  it('topic matching follows RabbitMQ', () => {
    expect(topicMatches('person.#', 'person.arrived.v1')).toBe(true);
    expect(topicMatches('#', 'case.opened.v1')).toBe(true);
    expect(topicMatches('case.*.v1', 'case.opened.v1')).toBe(true);
    expect(topicMatches('case.*', 'case.opened.v1')).toBe(false);
    expect(topicMatches('case.opened.v1', 'case.opened.v2')).toBe(false);
  });

  it('routes every contract to exactly the consumers it names, so personal data reaches no one else (DESIGN.md: Messaging)', () => {
    const problems: string[] = [];
    for (const [type, schema] of loadEventSchemas()) {
      const receivers = new Set(
        topology.queues.filter((q) => q.bindings.some((b) => topicMatches(b, type))).map((q) => q.consumer),
      );
      for (const consumer of schema['x-consumers'])
        if (!receivers.has(consumer)) problems.push(`${type} does not reach ${consumer}`);
      for (const r of receivers)
        if (!schema['x-consumers'].includes(r)) problems.push(`${type} reaches ${r}, which its contract does not name`);
    }
    expect(problems).toEqual([]);
  });

  it('routes hand-overs and the case events dfpa follows through the headers exchange to one queue per Sozialregion, never to another region (issue 11)', () => {
    const plan = topologyPlan(resolveTopology(topology));
    const regions = (
      JSON.parse(
        readFileSync(
          fileURLToPath(new URL('../../../../contracts/reference/sozialregionen.json', import.meta.url)),
          'utf8',
        ),
      ) as { sozialregionen: { id: string }[] }
    ).sozialregionen.map((r) => r.id);
    const regionalTypes = ['case.dfpa-handover-requested.v1', 'case.transferred.v1', 'case.closed.v1'];
    // dfpa hears these only per region: no dfpa queue on the topic exchange that one instance would take for all.
    expect(
      plan.bindings.filter(
        (b) =>
          b.exchange === topology.exchange &&
          b.queue.startsWith('dfpa.') &&
          regionalTypes.some((type) => topicMatches(b.routingKey, type)),
      ),
    ).toEqual([]);
    expect(plan.exchangeBindings).toEqual(
      regionalTypes.map((routingKey) => ({
        source: topology.exchange,
        destination: topology.headersExchange,
        routingKey,
      })),
    );
    const regional = plan.bindings.filter((b) => b.exchange === topology.headersExchange);
    expect(regional.map((b) => b.queue).sort()).toEqual(regions.map((r) => `dfpa.handovers.${r}`).sort());
    for (const b of regional)
      expect(b.arguments).toEqual({ 'x-match': 'all', sozialregionid: b.queue.slice('dfpa.handovers.'.length) });
    // Every queue on the headers exchange is fed by the same event types, so a header match can never pull in another type.
    expect(new Set(topology.queues.filter((q) => q.match).map((q) => q.bindings.join(','))).size).toBe(1);
  });

  it('binds no queue that no contracted event reaches (its messages would wait for nobody)', () => {
    const types = [...loadEventSchemas().keys()];
    const idle = topology.queues
      .filter((q) => !types.some((type) => q.bindings.some((b) => topicMatches(b, type))))
      .map((q) => q.name);
    expect(idle).toEqual([]);
  });
});
