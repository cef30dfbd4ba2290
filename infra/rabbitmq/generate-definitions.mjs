// Writes infra/rabbitmq/definitions.json (RabbitMQ load_definitions format, for docker compose) from
// topology.json, the single source. Run after editing topology.json: `npx tsc -b tsconfig.json && node infra/rabbitmq/generate-definitions.mjs`.
// libs/messaging/src/topology.spec.ts fails while the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definitionsFromTopology, loadTopology } from '@si/messaging';

const target = fileURLToPath(new URL('./definitions.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(definitionsFromTopology(loadTopology()), null, 2)}\n`);
console.log(`wrote ${target}`);
