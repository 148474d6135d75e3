import { ApiError } from '../errors';

/** A file that cannot be imported as a whole; the message names the file (and line, field). */
export class ImportError extends ApiError {
  constructor(message: string) {
    super('bad_input', message);
    this.name = 'ImportError';
  }
}
