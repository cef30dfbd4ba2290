export * from './service-test-app.js';
export * from './realm-users.js';
