export const WEB_REDIS = Symbol('WEB_REDIS');
