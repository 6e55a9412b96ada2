import type { ApiError, ErrorCode } from '../contract/index.ts';
import { isBusyError } from '../store/busy.ts';

/** An expected failure of a use-case, carried to every face as `{ code, message }`. */
export class ServiceError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}

/** The data form of any error; unexpected ones become `internal` with a generic message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  if (isBusyError(error))
    return {
      code: 'busy',
      message:
        'The database is busy: another Earshot process has been writing to it for a long time. Nothing was saved; try again.',
    };
  if (error instanceof DOMException && error.name === 'AbortError')
    return { code: 'cancelled', message: 'Cancelled.' };
  return {
    code: 'internal',
    message: 'Something went wrong inside Earshot; the details are in its log.',
  };
}
