import type { ServiceDefinition } from '@si/service';
import { migrations } from './migrations/index.js';

export const definition: ServiceDefinition = {
  name: 'offers',
  port: 3003,
  title: 'start.integration offers',
  description: `Angebotsplattform and Mentoring-Pools. A skeleton until its issue is taken: it starts, migrates the platform tables and reports ready.`,
  migrations,
};
