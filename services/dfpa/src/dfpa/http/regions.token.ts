/** Injection tokens of the dfpa feature. */
export const SERVED_REGIONS = Symbol('SERVED_REGIONS');
export const SOZIALREGIONEN = Symbol('SOZIALREGIONEN');
export const DFPA_LOGGER = Symbol('DFPA_LOGGER');
