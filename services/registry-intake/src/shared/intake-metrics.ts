import { Counter } from 'prom-client';
import { metricsRegistry } from '@si/observability';

/** Deliveries by channel and result (accepted, quarantined, duplicate, in-progress, forbidden), at GET /metrics. */
export const deliveriesTotal = new Counter({
  name: 'si_intake_deliveries_total',
  help: 'eCH-0020 deliveries taken in, by source and result',
  labelNames: ['source', 'result'],
  registers: [metricsRegistry],
});

/** eCH events (or base-delivery persons) read from accepted deliveries, by what became of them. */
export const intakeRecordsTotal = new Counter({
  name: 'si_intake_records_total',
  help: 'Records of accepted deliveries, emitted or skipped',
  labelNames: ['action'],
  registers: [metricsRegistry],
});
