import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';
import { caseManagementProblems } from './shared/domain-problem.js';

export const definition: ServiceDefinition = {
  name: 'case-management',
  port: 3002,
  title: 'start.integration case management',
  description: `The integration case of a newcomer from abroad: Informieren, Fördern, Fordern, Sanktionieren and the DFPA hand-over.
Every refusal is application/problem+json with \`rule\` naming the rule that refused it (R1–R31 from the domain research, CM1–CM7 service invariants).
Access is per object: an IB reaches the cases of the municipalities their organisation model assigns them, the Migrationsamt only reported cases,
a Sozialregion only cases handed to it (read only), AGS the organisation model and pseudonymous case data. Out-of-scope cases answer 404.`,
  migrations,
  problems: caseManagementProblems,
};
