export * from './local-date.js';
export { swissDay } from './swiss-day.js';
export { systemActor, type SystemActor } from './system-actor.js';
export { DomainError, type LocalisedMessage, type RefusalKind } from './domain-error.js';
