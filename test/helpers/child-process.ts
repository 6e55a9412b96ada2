import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A TypeScript helper under test/helpers (or the `earshot` bin) run by this Node. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves once stdout has printed a line equal to `line`. */
  waitFor(line: string): Promise<void>;
  /** Resolves to the exit code once the child has exited. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

export const earshotBin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

export function helperPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

export function startChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Child {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = out.split('\n');
    for (const waiter of waiters.splice(0)) {
      if (lines.includes(waiter.line)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    waitFor: (line) =>
      new Promise((resolve, reject) => {
        if (out.split('\n').includes(line)) return resolve();
        waiters.push({ line, resolve });
        void exited.then((code) =>
          reject(new Error(`child exited ${code} before printing "${line}":\n${out}\n${err}`)),
        );
      }),
    exited,
    stdout: () => out,
    stderr: () => err,
  };
}
