export * from './ech-namespaces.js';
export * from './ech-dates.js';
export * from './ahv-number.js';
export * from './intake-limits.js';
export * from './intake-refusal.js';
export * from './ech-record.types.js';
export {
  readDelivery,
  type DeliveryInput,
  type DeliveryReadResult,
  type ReadDeliveryOptions,
} from './delivery-reader.js';
export { EchSchemaValidator } from './xsd-schema-validator.js';
export { XSD_DIR, readXsdCatalog } from './xsd-catalog.js';
export type { SchemaValidation } from './validation-windows.js';
export * from './mapping/index.js';
