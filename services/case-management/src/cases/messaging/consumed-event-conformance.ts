import type {
  DfpaCaseAcceptedV1,
  DfpaCaseRejectedV1,
  DfpaCaseReturnedV1,
  PersonArrivedV1,
  PersonCorrectedV1,
  PersonDepartedV1,
  PersonDiedV1,
  PersonMovedV1,
  PersonNaturalizedV1,
  PersonRegisteredV1,
  PersonResidencePermitChangedV1,
} from '@si/contracts';
import type { DfpaAnswerData } from '../application/dfpa-answers.js';
import type {
  PersonArrivedData,
  PersonCorrectedData,
  PersonEventBase,
  PersonDepartedData,
  PersonDiedData,
  PersonMovedData,
  PersonNaturalizedData,
  PersonRegisteredData,
} from './person-event.data.js';

/** Fails to compile unless every event of the `Contract` (the generated type of its schema) gives what this service `Reads`. */
type Provides<Contract extends Reads, Reads> = Contract;

/**
 * This service reads a part of each person and DFPA event (tolerant reader: person-event.data.ts, dfpa-answers.ts); here
 * that part is checked against the types generated from contracts/events/<aggregate>/<type>.schema.json, so that a contract change that removes or
 * retypes a field read here fails the type-check.
 */
export type ConsumedEventsProvideWhatIsRead = [
  Provides<PersonArrivedV1, PersonArrivedData>,
  Provides<PersonMovedV1, PersonMovedData>,
  Provides<PersonDepartedV1, PersonDepartedData>,
  Provides<PersonNaturalizedV1, PersonNaturalizedData>,
  Provides<PersonDiedV1, PersonDiedData>,
  Provides<PersonCorrectedV1, PersonCorrectedData>,
  Provides<PersonRegisteredV1, PersonRegisteredData>,
  Provides<PersonResidencePermitChangedV1, PersonEventBase>,
  Provides<DfpaCaseAcceptedV1, DfpaAnswerData>,
  Provides<DfpaCaseRejectedV1, DfpaAnswerData>,
  Provides<DfpaCaseReturnedV1, DfpaAnswerData>,
];
