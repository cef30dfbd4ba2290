import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'subsidies',
  port: 3004,
  title: 'start.integration subsidies',
  description: `Subsidies: rates, ledger, claims, payouts. A skeleton until its issue is taken: it starts, migrates the platform tables and reports ready.`,
  migrations,
};
