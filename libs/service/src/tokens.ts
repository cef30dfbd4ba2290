/** Injection tokens of what the core module provides to a service's feature modules. */
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const REDIS = Symbol('REDIS');
