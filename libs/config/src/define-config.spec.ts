import { ConfigError, defineConfig, flag, int, oneOf, optionalText, text, url } from './index.js';

const settings = defineConfig('demo', {
  leadDays: int('DEMO_LEAD_DAYS', { default: 14, min: 0, max: 365, meaning: 'Days of notice' }),
  enabled: flag('DEMO_ENABLED', { default: true, meaning: 'Run the worker' }),
  prefix: text('DEMO_PREFIX', { default: 'si', meaning: 'Key prefix' }),
  key: optionalText('DEMO_KEY', { minBytes: 8, meaning: 'Signing key' }),
  broker: url('DEMO_BROKER', {
    default: 'amqp://127.0.0.1:5672',
    protocols: ['amqp:', 'amqps:'],
    meaning: 'Broker address',
  }),
  level: oneOf('DEMO_LEVEL', ['info', 'warn'] as const, { default: 'info', meaning: 'Log level' }),
});

describe('defineConfig', () => {
  it('gives every setting its default when the environment is empty (an empty variable counts as unset)', () => {
    expect(settings.load({ DEMO_PREFIX: '' })).toEqual({
      leadDays: 14,
      enabled: true,
      prefix: 'si',
      key: undefined,
      broker: 'amqp://127.0.0.1:5672',
      level: 'info',
    });
  });

  it('reads and types what is set', () => {
    expect(
      settings.load({
        DEMO_LEAD_DAYS: '7',
        DEMO_ENABLED: 'false',
        DEMO_KEY: '12345678',
        DEMO_BROKER: 'amqps://b:5671',
        DEMO_LEVEL: 'warn',
      }),
    ).toMatchObject({ leadDays: 7, enabled: false, key: '12345678', broker: 'amqps://b:5671', level: 'warn' });
  });

  it('refuses every wrong value at once, naming the variable, its value, the rule and its meaning', () => {
    let error: unknown;
    try {
      settings.load({
        DEMO_LEAD_DAYS: '400',
        DEMO_ENABLED: 'yes',
        DEMO_KEY: 'short',
        DEMO_BROKER: 'http://x',
        DEMO_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('The configuration of demo is invalid');
    expect(message).toContain('DEMO_LEAD_DAYS="400" must be an integer from 0 to 365 (Days of notice)');
    expect(message).toContain('DEMO_ENABLED="yes" must be true or false');
    expect(message).toContain('DEMO_KEY="short" must have at least 8 bytes');
    expect(message).toContain('DEMO_BROKER="http://x" must be a URL (amqp: or amqps:)');
    expect(message).toContain('DEMO_LEVEL="loud" must be one of info, warn');
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('refuses a non-integer and names a variable without default as required', () => {
    const required = defineConfig('demo', {
      secret: text('DEMO_SECRET', { meaning: 'A secret' }),
      n: int('DEMO_N', { default: 1, meaning: 'A count' }),
    });
    expect(() => required.load({ DEMO_N: '1.5' })).toThrow(
      /DEMO_SECRET is required[\s\S]*DEMO_N="1.5" must be an integer of at least 0/,
    );
  });

  it('lets tests pass a configuration object: the defaults with their own values on top', () => {
    expect(settings.defaults({ leadDays: 1 })).toMatchObject({ leadDays: 1, prefix: 'si' });
  });

  it('prints the table a README shows', () => {
    expect(settings.table().split('\n')).toContain('| `DEMO_LEAD_DAYS` | `14` | Days of notice |');
    expect(settings.table().split('\n')).toContain('| `DEMO_KEY` | (unset) | Signing key |');
  });
});
