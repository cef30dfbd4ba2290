export * from './person-event-types.js';
export type * from './person-event.types.js';
export { PersonRefFactory, type PersonRefs } from './person-ref.js';
export {
  mapRecord,
  personRefsOf,
  type MapOutcome,
  type EmitOutcome,
  type SkipOutcome,
  type MapperDependencies,
  type RecordContext,
} from './ech-event.mapper.js';
export { DeliveryMapper, bfsOfSender, type DeliveryMapperOptions, type DeliveryNote } from './delivery-mapper.js';
