export {
  canonicalJson,
  hashJson,
  isRecord,
  isoFromMillis,
  isoFromSeconds,
  readAny,
  readBoolean,
  readId,
  readNumber,
  readString,
} from './json-values.js';
export { markRecovered, type CallbackOnlyFields } from './recovered-events.js';
