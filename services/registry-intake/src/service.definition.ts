import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'registry-intake',
  port: 3001,
  title: 'start.integration registry-intake',
  description: `Takes in the eCH-0020 v3 deliveries of the municipal population registers (sedex inbox or POST /api/v1/deliveries),
validates them against the eCH XSDs, keeps refused ones in quarantine with the reason (line, column, XSD message), and emits
person events (person.arrived.v1 …) through the outbox. The target-group rule (which permits open a case) is versioned and
changed by AGS. Every read of the delivery log is audited.`,
  migrations,
};
