export * from './test-database.js';
export * from './eventually.js';
export * from './route-table.js';
export * from './service-process.js';
export * from './repo-root.js';
export * from './end-child.js';
