import { ConfigError } from '@si/config';
import { loadConfig, payoutSettingsOf, subsidiesSettings } from './subsidies.config.js';

describe('subsidies configuration', () => {
  it('starts with the documented defaults (quarterly periods, the demo debtor, jobs on)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      defaultPeriodMonths: 3,
      claimRunEveryMs: 3_600_000,
      jobsEnabled: true,
      jobsPrefix: 'si',
      demoData: true,
      paymentTermDays: 30,
    });
    expect(payoutSettingsOf(config)).toMatchObject({
      debtor: { iban: 'CH0900000000000000001', bic: 'SOBACH23XXX', town: 'Solothurn' },
      booking: { glAccount: '3632000', costCentre: 'AGS-INT', paymentTermDays: 30 },
    });
  });

  it('stops the start naming every wrong variable at once: a period that does not divide the year, a bad debtor IBAN, a non-flag', () => {
    let error: unknown;
    try {
      loadConfig({ SUBSIDIES_PERIOD_MONTHS: '5', SUBSIDIES_DEBTOR_IBAN: 'CH0000000000000000001' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('SUBSIDIES_PERIOD_MONTHS="5" must be 1, 2, 3, 4, 6 or 12');
    expect((error as Error).message).toContain('SUBSIDIES_DEBTOR_IBAN="CH0000000000000000001" must be a CH or LI IBAN');
    expect(() => loadConfig({ SUBSIDIES_JOBS_ENABLED: 'yes', SUBSIDIES_PAYMENT_TERM_DAYS: '-1' })).toThrow(
      /SUBSIDIES_JOBS_ENABLED="yes" must be true or false[\s\S]*SUBSIDIES_PAYMENT_TERM_DAYS="-1" must be an integer from 0 to 365/,
    );
  });

  it('documents every variable with its default and meaning', () => {
    const table = subsidiesSettings.table();
    expect(table).toContain('| `SUBSIDIES_PERIOD_MONTHS` | `3` |');
    expect(table.split('\n')).toHaveLength(2 + Object.keys(subsidiesSettings.settings).length);
  });
});
