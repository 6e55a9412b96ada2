import { Readable } from 'node:stream';
import type { CliIo } from '../../main/cli/cli-io.ts';

/** A CliIo that records what a command prints, reading `input` as its stdin. */
export function captureIo(
  env: NodeJS.ProcessEnv = {},
  input = '',
): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    isTty: false,
    env,
    stdin: Readable.from([input]),
    isInputTty: false,
    stdout: () => out,
    stderr: () => err,
  };
}
