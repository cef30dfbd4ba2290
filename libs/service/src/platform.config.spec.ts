import { ConfigError } from '@si/config';
import { loadPlatformConfig } from './platform.config.js';

const offers = { name: 'offers', port: 3003 } as const;

describe('loadPlatformConfig', () => {
  it('gives the local platform defaults for an empty environment', () => {
    const config = loadPlatformConfig(offers, {});
    expect(config).toMatchObject({
      port: 3003,
      host: '127.0.0.1',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
      redisUrl: 'redis://127.0.0.1:6379',
      messagingPrefix: undefined,
      oidc: { authServerUrl: 'http://localhost:8080', realm: 'start-integration', jwksUrl: undefined },
      logLevel: 'info',
    });
    expect(config.database).toEqual({
      appUrl: 'postgres://offers_app:offers_app@127.0.0.1:5432/offers',
      migratorUrl: 'postgres://offers_migrator:offers_migrator@127.0.0.1:5432/offers',
      appRole: 'offers_app',
    });
  });

  it('takes the database URLs and the runtime role from the environment', () => {
    const config = loadPlatformConfig(offers, {
      DATABASE_URL: 'postgres://app_x:pw@db:5432/offers',
      DATABASE_MIGRATOR_URL: 'postgres://mig:pw@db:5432/offers',
      PORT: '4000',
    });
    expect(config.database.appRole).toBe('app_x');
    expect(config.port).toBe(4000);
  });

  it('stops the start naming every wrong variable', () => {
    const load = () =>
      loadPlatformConfig(offers, {
        PORT: '70000',
        AMQP_URL: 'localhost:5672',
        LOG_LEVEL: 'verbose',
        DATABASE_URL: 'mysql://x',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /PORT="70000" must be an integer from 1 to 65535[\s\S]*DATABASE_URL="mysql:\/\/x" must be a URL \(postgres: or postgresql:\)[\s\S]*AMQP_URL="localhost:5672" must be a URL[\s\S]*LOG_LEVEL="verbose" must be one of/,
    );
  });
});
