import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brokerUsers } from './broker-users.js';
import { definitionsFromTopology, eventProducers } from './topology-definitions.js';
import { loadTopology } from './topology.js';

const topology = loadTopology();
const producers = eventProducers();

describe('broker users (security probe F1)', () => {
  it('lets each service publish on si.events exactly the event types its contracts name it the producer of', () => {
    for (const user of brokerUsers(topology, producers)) {
      const write = new RegExp(user.topic.find((t) => t.exchange === topology.exchange)?.write ?? '^$');
      for (const [type, producer] of producers)
        expect({ user: user.name, type, allowed: write.test(type) }).toEqual({
          user: user.name,
          type,
          allowed: producer === user.name,
        });
    }
  });

  it('lets each service bind on si.events only the keys topology.json gives its queues, and configure and read only its own queues', () => {
    for (const user of brokerUsers(topology, producers)) {
      const read = new RegExp(user.topic.find((t) => t.exchange === topology.exchange)?.read ?? '^$');
      for (const q of topology.queues)
        for (const key of q.bindings) if (q.consumer === user.name && !q.match) expect(read.test(key)).toBe(true);
      expect(read.test('#')).toBe(false);
      for (const q of topology.queues) {
        expect({
          user: user.name,
          queue: q.name,
          configure: new RegExp(user.configure).test(q.name),
          read: new RegExp(user.read).test(q.name),
        }).toEqual({
          user: user.name,
          queue: q.name,
          configure: q.consumer === user.name,
          read: q.consumer === user.name,
        });
      }
    }
  });

  it('has no guest and no other administrator than si-admin; definitions-local.json is generated too', () => {
    const definitions = definitionsFromTopology(topology);
    expect(definitions.users.map((u) => u.name)).not.toContain('guest');
    expect(definitions.users.filter((u) => u.tags.includes('administrator')).map((u) => u.name)).toEqual(['si-admin']);
    const local = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../../infra/rabbitmq/definitions-local.json', import.meta.url)),
        'utf8',
      ),
    );
    expect(local).toEqual(definitionsFromTopology(topology, { testPrefix: true }));
  });
});
