/**
 * The adversarial figures of the README's "Hardening and limits": kill -9 at random moments of
 * pipeline, import, export and serve (the database must pass its checks, the command must finish
 * when run again, nothing acknowledged may be lost, nothing half-written left); hostile requests
 * to `earshot serve` (each refused with its status, the server still serving); and mistakes on
 * the command line (each refused in one line with its exit code, the file left as it was).
 * Seeded: the same kill moments every run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { ensureRendererBuilt } from '../main/web/renderer-build.ts';
import { hostileRequests, rawStatus, refusedInOneLine } from './lib/hostile-inputs.ts';
import { killRepeatedly, leftoverPartials, writeRatingsFile } from './lib/kill-scenarios.ts';
import type { KillOutcome, KillScenario } from './lib/kill-scenarios.ts';
import { killServeWhileRating, startServe } from './lib/serve-kills.ts';
import { report } from './lib/report.ts';

const bin = fileURLToPath(new URL('../bin/earshot.js', import.meta.url));
const kills = Number(process.env.EARSHOT_BENCH_KILLS ?? 10);
const root = mkdtempSync(join(tmpdir(), 'earshot-adversarial-'));

function freshDir(name: string, template?: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  if (template) copyFileSync(template, join(dir, 'earshot.db'));
  return dir;
}

const db = (dir: string): string => join(dir, 'earshot.db');

function scenarios(ratingsFile: string): KillScenario[] {
  return [
    {
      name: 'pipeline on a new database',
      args: (dir) => ['pipeline', '--db', db(dir), '--listeners', '400'],
      prepare: (dir) => rmSync(db(dir), { force: true }),
    },
    {
      name: 'pipeline re-simulating and retraining',
      args: (dir, round) => ['pipeline', '--db', db(dir), '--listeners', String(500 + round)],
    },
    {
      name: 'import-ratings of 300,000 ratings',
      args: (dir) => ['import-ratings', ratingsFile, '--db', db(dir)],
    },
    {
      name: 'export',
      args: (dir) => ['export', '--out', join(dir, 'out'), '--force', '--db', db(dir)],
      check: (dir) => leftoverPartials(join(dir, 'out')),
    },
  ];
}

async function occupiedPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => server.close(),
  };
}

async function hostileWeb(
  template: string,
): Promise<{ tried: number; refused: number; problems: string[] }> {
  const { child, url, token } = await startServe(join(freshDir('web', template), 'earshot.db'));
  const port = Number(new URL(url).port);
  const problems: string[] = [];
  const requests = hostileRequests(port, token);
  for (const [name, bytes, expected] of requests) {
    const status = await rawStatus(port, bytes);
    const alive = await rawStatus(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    if (status !== expected || alive !== 200)
      problems.push(`${name}: ${status} (expected ${expected}), then ${alive}`);
  }
  child.kill('SIGTERM');
  return { tried: requests.length, refused: requests.length - problems.length, problems };
}

async function cliMistakes(
  template: string,
): Promise<{ tried: number; refused: number; problems: string[] }> {
  const dir = freshDir('cli', template);
  const other = join(dir, 'other.db');
  const foreign = new Sqlite(other);
  foreign.exec(
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, 'a@b.c')",
  );
  foreign.close();
  const notes = join(dir, 'notes.db');
  writeFileSync(notes, 'not a database\n'.repeat(50));
  const existing = join(dir, 'existing.csv');
  writeFileSync(existing, 'keep me\n');
  mkdirSync(join(dir, 'exported'));
  writeFileSync(join(dir, 'exported', 'songs.csv'), 'mine\n');
  const taken = await occupiedPort();
  const cases: [string, string[], number, string?, NodeJS.ProcessEnv?][] = [
    ['stats on another app’s database', ['stats', '--db', other], 1, other],
    ['pipeline on another app’s database', ['pipeline', '--db', other], 1, other],
    ['import into another app’s database', ['import-ratings', existing, '--db', other], 1, other],
    ['stats on a text file', ['stats', '--db', notes], 1, notes],
    ['stats on a missing database', ['stats', '--db', join(dir, 'missing.db')], 1],
    ['pipeline into a mistyped folder', ['pipeline', '--db', join(dir, 'typo', 'x.db')], 1],
    ['export onto a file', ['export', '--out', existing, '--db', db(dir)], 1, existing],
    [
      'export over existing files',
      ['export', '--out', join(dir, 'exported'), '--db', db(dir)],
      1,
      join(dir, 'exported', 'songs.csv'),
    ],
    ['export under /proc', ['export', '--out', '/proc/earshot-x', '--db', db(dir)], 1],
    ['serve on a port in use', ['serve', '--port', String(taken.port), '--db', db(dir)], 1],
    [
      'a bad lock timeout',
      ['stats', '--db', db(dir)],
      2,
      undefined,
      { EARSHOT_LOCK_TIMEOUT: 'soon' },
    ],
    [
      'a malformed Spotify source',
      ['pipeline', '--db', db(dir), '--source', 'https://example.com/x'],
      2,
    ],
    ['an unknown option', ['stats', '--db', db(dir), '--colour'], 2],
  ];
  const problems: string[] = [];
  for (const [name, args, code, untouched, env] of cases) {
    const problem = refusedInOneLine(args, code, untouched, env);
    if (problem !== undefined) problems.push(`${name}: ${problem}`);
  }
  taken.close();
  return { tried: cases.length, refused: cases.length - problems.length, problems };
}

function printKills(outcomes: KillOutcome[]): void {
  for (const outcome of outcomes) {
    report(
      `kill -9: ${outcome.scenario}`,
      `${outcome.recovered}/${outcome.kills} recovered (${outcome.midRun} killed mid-run)`,
    );
    for (const problem of outcome.problems) console.log(`    ${problem}`);
  }
  const total = outcomes.reduce((sum, o) => sum + o.kills, 0);
  const recovered = outcomes.reduce((sum, o) => sum + o.recovered, 0);
  report('kill -9 in all', `${recovered}/${total} recovered`);
}

try {
  await ensureRendererBuilt();
  const template = db(freshDir('template'));
  spawnSync(process.execPath, [bin, 'pipeline', '--db', template, '--listeners', '400'], {
    stdio: 'ignore',
  });
  const ratingsFile = join(root, 'ratings.csv');
  writeRatingsFile(ratingsFile, 300_000);
  const outcomes: KillOutcome[] = [];
  for (const [index, scenario] of scenarios(ratingsFile).entries()) {
    const dir = freshDir(`kill-${index}`, scenario.prepare ? undefined : template);
    outcomes.push(await killRepeatedly(scenario, dir, kills, 100 + index));
  }
  outcomes.push(await killServeWhileRating(db(freshDir('serve', template)), kills, 200));
  printKills(outcomes);
  for (const [label, result] of [
    ['hostile requests to serve', await hostileWeb(template)],
    ['mistakes on the command line', await cliMistakes(template)],
  ] as const) {
    report(label, `${result.refused}/${result.tried} refused as documented`);
    for (const problem of result.problems) console.log(`    ${problem}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
