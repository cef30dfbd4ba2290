export * from './delivery-status.js';
export * from './delivery-refusal.js';
export * from './delivery-summary.js';
export * from './outcome-entry.js';
export * from './partial-delivery.js';
