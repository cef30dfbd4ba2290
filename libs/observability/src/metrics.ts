import { Registry, collectDefaultMetrics, Counter, Histogram } from 'prom-client';

/** One Prometheus registry per process, with Node's default metrics and the platform's own. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'si_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'si_events_published_total',
  help: 'Events confirmed by the broker, by type',
  labelNames: ['type'],
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'si_events_consumed_total',
  help: 'Events handled by a consumer, by type and outcome (applied, duplicate, retried, dead-lettered)',
  labelNames: ['queue', 'type', 'outcome'],
  registers: [metricsRegistry],
});
