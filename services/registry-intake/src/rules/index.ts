export * from './residence-permit-catalog.js';
export * from './target-group-rule.js';
export { DEFAULT_TARGET_GROUP_RULE } from './target-group-default.rule.js';
