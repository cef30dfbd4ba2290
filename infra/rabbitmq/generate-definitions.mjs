// Writes infra/rabbitmq/definitions.json (RabbitMQ load_definitions format, for docker compose) from
// topology.json, the single source. Run after editing topology.json: `npx tsc -b tsconfig.json && node infra/rabbitmq/generate-definitions.mjs`.
// libs/messaging/src/topology.spec.ts fails while the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definitionsFromTopology, loadTopology } from '@si/messaging';

// definitions.json: docker compose and production-shaped brokers. definitions-local.json: the local broker that
// tests and the platform share (infra/scripts/lib.sh imports it), whose service users also reach the tests' prefixed names.
for (const [file, options] of [
  ['./definitions.json', {}],
  ['./definitions-local.json', { testPrefix: true }],
]) {
  const target = fileURLToPath(new URL(file, import.meta.url));
  writeFileSync(target, `${JSON.stringify(definitionsFromTopology(loadTopology(), options), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
