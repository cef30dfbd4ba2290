/** Injection tokens of what the core module provides to a service's feature modules. */
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const REDIS = Symbol('REDIS');
/** The validated platform settings (`PlatformConfig`), for a feature that needs e.g. the Redis URL or the messaging prefix. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
