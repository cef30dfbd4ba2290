export * from './service-definition.js';
export * from './tokens.js';
export * from './service-core.module.js';
export * from './bootstrap-service.js';
export * from './platform.config.js';
