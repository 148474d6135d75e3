/** Errors a handler throws on purpose; the dispatcher turns them into `{ error: {code, message} }`. */
import type { ApiErrorBody, MessageCode } from '../src-shared/api';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['code'],
    message: string,
    /** the message as a catalogue key and values, for the user's language */
    readonly messageCode?: MessageCode,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);
export const badInput = (message: string) => new ApiError('bad_input', message);
