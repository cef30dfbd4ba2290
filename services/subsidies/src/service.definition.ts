import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';
import { subsidiesProblems } from './shared/problems.js';

export const definition: ServiceDefinition = {
  name: 'subsidies',
  port: 3004,
  title: 'start.integration subsidies',
  description: `Subsidy accounting for start.integration: versioned tariffs (integer Rappen), a ledger fed by case events at the rate valid on the event date,
claims per municipality and period with four-eyes approval at AGS (check by one person, approval by another with role ags-finanzen),
CSV booking and pain.001 payment files, and the yearly budget. Every refusal is application/problem+json with \`rule\` naming the rule (S1–S18).
An IB reaches only the claims and entries of their municipalities; out-of-scope claims answer 404. No names: case ids only.`,
  migrations,
  problems: subsidiesProblems,
};
