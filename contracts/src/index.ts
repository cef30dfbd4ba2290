export * from './schemas.js';
export { parseCsv, readCsv } from './csv.js';
export type * from './generated/events.js';
