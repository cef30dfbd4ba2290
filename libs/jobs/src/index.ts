export * from './redis-connection.js';
export * from './job-ids.js';
