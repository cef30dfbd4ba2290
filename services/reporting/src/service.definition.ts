import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'reporting',
  port: 3005,
  title: 'start.integration reporting',
  description: `Controlling figures without personal data, per member municipality, Leitgemeinde, Sozialregion and canton, by month, quarter and year,
from reporting's own append-only log of the pseudonymous events of every service (figures are projections of it and are rebuilt from it).
A versioned catalogue defines each figure; frozen snapshots carry a content hash; every figure traces down to its event ids.
Outside AGS's own view small counts are suppressed with complementary suppression. The municipalities' yearly Selbstdeklaration.
Refusals are application/problem+json naming the rule (RP1–RP4 figures, SD1–SD4 self-declaration).`,
  migrations,
};
