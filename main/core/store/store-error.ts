export type StoreErrorCode =
  'not-a-database' | 'foreign' | 'newer-schema' | 'missing' | 'no-folder' | 'busy' | 'cannot-open';

/**
 * A database that cannot be used as it is, or not now (`busy`). The message is one line for
 * the user. Except for `busy` after some work committed, the file named by `path` was left
 * untouched.
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly path: string;

  constructor(code: StoreErrorCode, path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.path = path;
  }
}
