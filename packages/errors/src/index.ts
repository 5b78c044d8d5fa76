export type { MeiliErrorBody } from './meili-error.js';
export { ERROR_LINK_BASE, isMeiliErrorBody, MeiliError, meiliError } from './meili-error.js';
export type { MeiliErrorCode, MeiliErrorCodeInfo, MeiliErrorType } from './meili-error-codes.js';
export {
  isMeiliErrorCode,
  MEILI_ERROR_CODES,
} from './meili-error-codes.js';
