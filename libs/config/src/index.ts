export { int, flag, text, optionalText, url, optionalUrl, oneOf, type Setting } from './setting.js';
export {
  defineConfig,
  ConfigError,
  type Config,
  type SettingsSpec,
  type ValuesOf,
  type Environment,
} from './define-config.js';
