/** An export that cannot be done as asked; the message is one line naming the path. */
export class ExportError extends Error {
  readonly code: 'not-a-folder' | 'exists' | 'cannot-write';
  readonly path: string;

  constructor(code: ExportError['code'], path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExportError';
    this.code = code;
    this.path = path;
  }
}

/** A file-system error as a short reason: "permission denied", "no such file or folder"… */
export function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EEXIST: 'it already exists',
    EISDIR: 'it is a folder',
  };
  return reasons[code] ?? (error instanceof Error ? error.message : String(error));
}
