export * from './audit-record.js';
export * from './audit.migration.js';
export * from './audit-log.js';
