/** What a command may touch of its process: injected so tests run commands in-process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars) or a pipe/file (plain lines). */
  readonly isTty: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadableStream;
  /** Whether stdin is a terminal (which echoes what is typed) or a pipe/file (which does not). */
  readonly isInputTty: boolean;
}

/**
 * A reader that stops early (`earshot picks --json | head -c 100`) closes the pipe: the rest of
 * the output has nowhere to go, and the command ends quietly, as Unix tools do, instead of with
 * an unhandled EPIPE and its stack trace.
 */
function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

export function processIo(): CliIo {
  endQuietlyWhenClosed(process.stdout);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: process.stderr.isTTY,
    env: process.env,
    stdin: process.stdin,
    isInputTty: process.stdin.isTTY === true,
  };
}

/** A mistake in how the command was called; printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
