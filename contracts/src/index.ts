export * from './schemas.js';
export type * from './generated/events.js';
