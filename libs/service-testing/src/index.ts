export * from './service-test-app.js';
