import { MessageCodeSchema, type ApiErrorBody, type MessageCode } from '../../src-shared/api';

/** Codes the contract defines, plus the ones only a transport can produce. */
export type ApiErrorCode = ApiErrorBody['code'] | 'network' | 'unauthorized' | 'aborted' | (string & {});

/** Every failed API call rejects with this, whichever door it went through. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  /** the message as a catalogue key and values (an import's file error), for the UI's language */
  readonly messageCode: MessageCode | null;

  constructor(code: ApiErrorCode, message: string, messageCode: MessageCode | null = null) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.messageCode = messageCode;
  }
}

export function toApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  if (err instanceof Error) return new ApiCallError('internal', err.message);
  return new ApiCallError('internal', String(err));
}

/** Reads `{ error: { code, message } }` out of a response body, whatever else it holds. */
export function errorFromBody(body: unknown, fallback: ApiCallError): ApiCallError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return fallback;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return fallback;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : fallback.code;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : fallback.message;
  const messageCode = 'messageCode' in error ? MessageCodeSchema.safeParse(error.messageCode) : null;
  return new ApiCallError(code, message, messageCode?.success ? messageCode.data : null);
}

/** A file over the upload limit (Settings), refused before or while it is sent; said in the UI's language. */
export class UploadTooLargeError extends ApiCallError {
  constructor(
    readonly fileName: string,
    readonly limitMb: number,
  ) {
    super('too_large', `${fileName} is larger than the upload limit of ${limitMb} MB`);
    this.name = 'UploadTooLargeError';
  }
}
