import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'dfpa',
  port: 3006,
  title: 'start.integration dfpa',
  description: `DFPA: the Sozialregion's continuous case management and potential assessment. A skeleton until its issue is taken: it starts, migrates the platform tables and reports ready.`,
  migrations,
};
