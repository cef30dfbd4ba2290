import { randomUUID } from 'node:crypto';

/**
 * A CloudEvents 1.0 structured-mode envelope as it travels on `si.events` (contracts/envelope). `type` is the
 * routing key; `id` is unique per event and is what consumers deduplicate on; `subject` is the aggregate
 * (person reference, case id) whose events keep their order.
 */
export interface CloudEvent<T = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  /** Follows one business flow across services (CloudEvents extension attribute). */
  correlationid?: string;
  /** The event or request that caused this one (CloudEvents extension attribute). */
  causationid?: string;
  /**
   * The Sozialregion the event is for (CloudEvents extension attribute): set from `data.sozialregionId`. The relay
   * publishes it as the AMQP header `sozialregionid`, on which the per-region queues are bound (DESIGN.md: Messaging).
   */
  sozialregionid?: string;
  data: T;
}

/** What a use case hands to the outbox; the envelope around it is built by {@link buildCloudEvent}. */
export interface NewEvent<T = Record<string, unknown>> {
  type: string;
  subject: string;
  data: T;
  correlationId?: string;
  causationId?: string;
}

/** Where consumers see the producer: `/si/<service>`. */
export function eventSource(service: string): string {
  return `/si/${service}`;
}

/** Wraps a new event in its envelope: fresh uuid, the current time, the producing service as source. */
export function buildCloudEvent<T>(
  service: string,
  event: NewEvent<T>,
  context?: { correlationId?: string; causationId?: string },
): CloudEvent<T> {
  const correlationid = event.correlationId ?? context?.correlationId;
  const causationid = event.causationId ?? context?.causationId;
  const region = (event.data as { sozialregionId?: unknown } | null)?.sozialregionId;
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: eventSource(service),
    type: event.type,
    time: new Date().toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    ...(correlationid ? { correlationid } : {}),
    ...(causationid ? { causationid } : {}),
    ...(typeof region === 'string' && region !== '' ? { sozialregionid: region } : {}),
    data: event.data,
  };
}

/** The content type on the wire (AMQP `content-type` property). */
export const CLOUD_EVENTS_CONTENT_TYPE = 'application/cloudevents+json';
