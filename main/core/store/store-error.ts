export type StoreErrorCode = 'not-a-database' | 'newer-schema' | 'cannot-open';

/** A database that cannot be used as it is. The file named by `path` was left untouched. */
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
