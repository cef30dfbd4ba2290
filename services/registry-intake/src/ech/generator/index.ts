export * from './delivery-generator.js';
export { PREFIX_STYLES, type PrefixStyle } from './ech-xml-writer.js';
export type { Variations } from './ech-fragments.js';
export type { GenPerson, GenHousehold, GenMunicipality, GenCountry } from './person-factory.js';
