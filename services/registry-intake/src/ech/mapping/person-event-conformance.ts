import type {
  PersonArrivedV1,
  PersonCorrectedV1,
  PersonDepartedV1,
  PersonDiedV1,
  PersonMovedV1,
  PersonNaturalizedV1,
  PersonRegisteredV1,
  PersonResidencePermitChangedV1,
} from '@si/contracts';
import type { PersonEventDataMap } from './person-event.types.js';

/** Fails to compile unless what this service builds (`Built`) is a valid `Contract` (the generated type of the schema). */
type Conforms<Built extends Contract, Contract> = Built;

/**
 * The data this service emits, checked against the types generated from contracts/events/person/*.schema.json: a
 * contract change that the mapper does not follow fails the type-check here (and the runtime validation on publish).
 */
export type PersonEventsConformToContracts = [
  Conforms<PersonEventDataMap['person.arrived.v1'], PersonArrivedV1>,
  Conforms<PersonEventDataMap['person.moved.v1'], PersonMovedV1>,
  Conforms<PersonEventDataMap['person.departed.v1'], PersonDepartedV1>,
  Conforms<PersonEventDataMap['person.residence-permit-changed.v1'], PersonResidencePermitChangedV1>,
  Conforms<PersonEventDataMap['person.naturalized.v1'], PersonNaturalizedV1>,
  Conforms<PersonEventDataMap['person.died.v1'], PersonDiedV1>,
  Conforms<PersonEventDataMap['person.corrected.v1'], PersonCorrectedV1>,
  Conforms<PersonEventDataMap['person.registered.v1'], PersonRegisteredV1>,
];
