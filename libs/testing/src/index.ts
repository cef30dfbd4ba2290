export * from './test-database.js';
export * from './eventually.js';
