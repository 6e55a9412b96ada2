/**
 * kill -9 at random moments, then the checks a user would care about: SQLite's integrity and
 * foreign-key checks pass, the command run again finishes, and nothing half-written is left.
 */
import Sqlite from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Prng } from '../../main/core/random.ts';

const bin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

export interface KillOutcome {
  readonly scenario: string;
  readonly kills: number;
  /** How many of the kills landed while the command was still running. */
  readonly midRun: number;
  /** Kills after which the database passed both checks and the command then finished. */
  readonly recovered: number;
  readonly problems: string[];
}

function databaseProblems(db: string): string[] {
  const check = new Sqlite(db);
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    const orphans = check.pragma('foreign_key_check') as unknown[];
    return [
      ...(integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`]),
      ...(orphans.length === 0 ? [] : [`${orphans.length} foreign-key violations`]),
    ];
  } finally {
    check.close();
  }
}

/**
 * Runs `earshot args…` and kills it with SIGKILL after `afterMs`, if it is still running;
 * resolves to whether the kill landed.
 */
async function runAndKill(args: string[], afterMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  clearTimeout(timer);
  return signal === 'SIGKILL';
}

function runToEnd(args: string[]): number | null {
  return spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore' }).status;
}

export interface KillScenario {
  readonly name: string;
  /** The command killed, and run again to prove the database usable (`round` counts from 0). */
  readonly args: (dir: string, round: number) => string[];
  /** Before each kill: a new database for a scenario about creating one, say. */
  readonly prepare?: (dir: string) => void;
  /** Extra checks after the re-run (files left behind…). */
  readonly check?: (dir: string) => string[];
}

export async function killRepeatedly(
  scenario: KillScenario,
  dir: string,
  kills: number,
  seed: number,
): Promise<KillOutcome> {
  const random = new Prng(seed);
  // Kill moments are drawn from the time one whole run takes here and now.
  scenario.prepare?.(dir);
  const started = performance.now();
  runToEnd(scenario.args(dir, kills));
  const windowMs = performance.now() - started;
  const problems: string[] = [];
  let recovered = 0;
  let midRun = 0;
  for (let i = 0; i < kills; i++) {
    scenario.prepare?.(dir);
    if (await runAndKill(scenario.args(dir, i), Math.floor(random.nextFloat() * windowMs)))
      midRun++;
    const found = existsSync(join(dir, 'earshot.db'))
      ? databaseProblems(join(dir, 'earshot.db'))
      : [];
    const status = runToEnd(scenario.args(dir, i));
    if (status !== 0) found.push(`re-run exited ${status}`);
    found.push(...(scenario.check?.(dir) ?? []));
    if (found.length === 0) recovered++;
    else problems.push(`kill ${i + 1}: ${found.join('; ')}`);
  }
  return { scenario: scenario.name, kills, midRun, recovered, problems };
}

/** A ratings file of `count` lines by 2,000 listeners over 5,000 items, for import kills. */
export function writeRatingsFile(path: string, count: number): void {
  const random = new Prng(7);
  const lines = ['userID,itemID,rating'];
  for (let i = 0; i < count; i++)
    lines.push(`u${random.nextInt(2000)},i${random.nextInt(5000)},${1 + random.nextInt(5)}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export function leftoverPartials(dir: string): string[] {
  const found = readdirSync(dir).filter((name) => name.endsWith('.partial'));
  return found.length === 0 ? [] : [`left behind: ${found.join(', ')}`];
}
