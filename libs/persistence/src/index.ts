export * from './database-config.js';
export * from './data-source.js';
export * from './migrate.js';
export * from './append-only.js';
