import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';
import { dfpaProblems } from './shared/problems.js';

export const definition: ServiceDefinition = {
  name: 'dfpa',
  port: 3006,
  title: 'start.integration dfpa',
  description: `DFPA (durchgehende Fallführung und Potenzialabklärung): the Sozialregion's own service. One instance per region, one for all 13
(DFPA_SOZIALREGIONEN), or a region's own case software through the same routes (client credentials, role sozialregion-connector).
Hand-overs reach only their region's queue; the inbox, the take-over, the potential assessment (health kept apart, R22), the integration plan
with measures and reviews, and the continuous case management until return, closure or a move. A region's staff and system see only their
region's cases; every read and change is audited; refusals are problem+json naming the rule.`,
  migrations,
  bodyLimit: 256 * 1024,
  problems: dfpaProblems,
};
