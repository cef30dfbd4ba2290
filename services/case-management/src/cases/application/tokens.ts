/** Injection tokens of the case feature (classes are injected by type; these are for plain values). */
export const REFERENCE_DATA = Symbol('REFERENCE_DATA');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
