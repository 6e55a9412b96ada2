export type ModelCodecErrorCode = 'not-a-model' | 'unsupported-version' | 'corrupt';

/** A payload that is not a model this version can read. */
export class ModelCodecError extends Error {
  readonly code: ModelCodecErrorCode;

  constructor(code: ModelCodecErrorCode, message: string) {
    super(message);
    this.name = 'ModelCodecError';
    this.code = code;
  }
}
