import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'reporting',
  port: 3005,
  title: 'start.integration reporting',
  description: `Reporting: controlling figures, KIP report, self-declaration. A skeleton until its issue is taken: it starts, migrates the platform tables and reports ready.`,
  migrations,
};
