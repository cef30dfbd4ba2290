import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { READINESS_CHECKS, type ReadinessCheck } from '@si/http';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MessagingLifecycle } from '@si/messaging';
import { REDIS } from './tokens.js';

/** Ready means: the database answers, the broker connection, relay and consumers are up, Redis answers. */
export const readinessProvider: Provider & { provide: typeof READINESS_CHECKS } = {
  provide: READINESS_CHECKS,
  inject: [getDataSourceToken(), MessagingLifecycle, REDIS],
  useFactory: (ds: DataSource, messaging: MessagingLifecycle, redis: Redis): ReadinessCheck[] => [
    { name: 'database', check: async () => void (await ds.query('SELECT 1')) },
    {
      name: 'broker',
      check: async () => {
        if (!messaging.isReady()) throw new Error(`not connected: ${JSON.stringify(messaging.status())}`);
      },
    },
    { name: 'redis', check: async () => void (await redis.ping()) },
  ],
};
