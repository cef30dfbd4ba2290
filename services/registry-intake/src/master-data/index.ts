export * from './municipality-directory.js';
export * from './country-directory.js';
export { nameKey } from './name-key.js';
export { readCsvTable, parseCsv } from './csv-table.js';
