/** The person events registry-intake publishes (routing key = type; schemas in contracts/events/person/). */
export const PERSON_EVENT_TYPES = [
  'person.arrived.v1',
  'person.moved.v1',
  'person.departed.v1',
  'person.residence-permit-changed.v1',
  'person.naturalized.v1',
  'person.died.v1',
  'person.corrected.v1',
  'person.registered.v1',
] as const;

export type PersonEventType = (typeof PERSON_EVENT_TYPES)[number];

/**
 * Why an eCH event produced no person event. Each skip is written to the delivery log with its reason; none is
 * an error.
 */
export const SKIP_REASONS = {
  'swiss-citizen': 'the person is a Swiss citizen (placeOfOriginInfo, no residencePermitData): not in the target group',
  'outside-canton': 'the event concerns a municipality outside the canton of Solothurn',
  'not-main-residence': 'secondary or other residence: start.integration follows main residences only',
  'federal-register': 'reported by a federal register (INFOSTAR/ORDIPRO/ZEMIS) instead of a municipality',
  'not-used': 'start.integration does not use this kind of event',
  'no-change': 'the event changes nothing start.integration uses',
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;
