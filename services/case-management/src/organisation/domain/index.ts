export * from './organisation-model.js';
export * from './organisation-model.errors.js';
export * from './organisation-register.js';
export * from './sozialregion-directory.js';
