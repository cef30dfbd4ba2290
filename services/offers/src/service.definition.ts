import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'offers',
  port: 3003,
  title: 'start.integration offers',
  description: `Angebotsplattform and Mentoring-Pools. Providers keep their offers (de/fr/it/en), AGS curates, anyone searches
published offers without login (GET /api/v1/public/offers). Referrals from cases come in as events; providers confirm enrolment,
attendance and completion, which go back as pseudonymous events. Regional Mentoring-Pools match mentors with requests.
Every refusal is application/problem+json with \`rule\` naming the rule (OF…, PA…, MP…); wrong fields are named by JSON pointer in \`errors\`.`,
  migrations,
};
