import { test } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

export interface ServeProcess {
  readonly url: string;
  readonly dbPath: string;
  stop(): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** Runs an `earshot` command to its end; rejects with its output if it fails. */
export async function runEarshot(args: string[]): Promise<void> {
  const child = run(args);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`earshot ${args[0]} exited ${code}:\n${output}`);
}

/** Runs `earshot pipeline` once into a template database, so each test can start from a copy. */
export async function buildTemplateDatabase(): Promise<{ path: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-e2e-'));
  const path = join(dir, 'template.db');
  const child = run(['pipeline', '--db', path]);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`earshot pipeline exited ${code}:\n${output}`);
  // The specs start on a round, so the first run's taste start is skipped (taste.spec.ts clears it).
  await runEarshot(['taste', '--skip', '--db', path]);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `earshot serve` on a copy of `template` (with `env` added to its environment) and
 * resolves once it prints its address.
 */
export async function startServe(
  template: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-e2e-'));
  const dbPath = join(dir, 'earshot.db');
  copyFileSync(template, dbPath);
  const child = run(['serve', '--db', dbPath], env);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Earshot is at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`earshot serve exited ${code}:\n${output}`)));
  });
  return {
    url,
    dbPath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks every browser spec uses: one pipeline-built template database for the
 * file, and a fresh `earshot serve` on a copy of it around each test. `prepare`, if given,
 * changes the template once it is built (a spec's own data: covers, genres…). Returns a getter
 * for the running server.
 */
export function serveEachTest(prepare?: (templatePath: string) => void): () => ServeProcess {
  let template: Awaited<ReturnType<typeof buildTemplateDatabase>> | undefined;
  let serve: ServeProcess | undefined;
  test.beforeAll(async () => {
    template = await buildTemplateDatabase();
    prepare?.(template.path);
  });
  test.afterAll(() => template?.remove());
  test.beforeEach(async () => {
    if (template === undefined) throw new Error('the template database was not built');
    serve = await startServe(template.path);
  });
  test.afterEach(async () => {
    await serve?.stop();
  });
  return () => {
    if (serve === undefined) throw new Error('earshot serve is not running');
    return serve;
  };
}
