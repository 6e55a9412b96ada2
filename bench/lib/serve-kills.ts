/**
 * `earshot serve` killed with SIGKILL while a listener submits ratings: every rating the server
 * acknowledged must be in the database afterwards, and the database must pass its checks.
 */
import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Prng } from '../../main/core/random.ts';
import type { KillOutcome } from './kill-scenarios.ts';

const bin = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

export async function startServe(
  db: string,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`earshot serve exited ${code}`)));
  });
  const page = await (await fetch(url)).text();
  const token = /name="earshot-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  return { child, url, token };
}

async function post(
  url: string,
  token: string,
  method: string,
  body: unknown,
): Promise<{ ok: boolean; value?: unknown }> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-earshot-token': token },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

function storedRatings(db: string): Map<number, number> {
  const check = new Sqlite(db, { readonly: true });
  try {
    const rows = check
      .prepare(
        "SELECT r.track_id AS id, r.rating FROM ratings r JOIN users u ON u.id = r.user_id WHERE u.kind = 'local'",
      )
      .all() as { id: number; rating: number }[];
    return new Map(rows.map((row) => [row.id, row.rating]));
  } finally {
    check.close();
  }
}

function integrity(db: string): string {
  const check = new Sqlite(db);
  try {
    return String(check.pragma('integrity_check', { simple: true }));
  } finally {
    check.close();
  }
}

/** `kills` rounds: start serve, submit until a random moment, kill -9, check. */
export async function killServeWhileRating(
  db: string,
  kills: number,
  seed: number,
): Promise<KillOutcome> {
  const random = new Prng(seed);
  const acknowledged = new Map<number, number>();
  const problems: string[] = [];
  let recovered = 0;
  for (let round = 0; round < kills; round++) {
    const { child, url, token } = await startServe(db);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = performance.now() + 100 + random.nextFloat() * 1500;
    setTimeout(() => child.kill('SIGKILL'), deadline - performance.now());
    try {
      while (child.exitCode === null && child.signalCode === null) {
        const songs = (await post(url, token, 'songsToRate', { count: 3 })) as {
          value?: { id: number }[];
        };
        const ratings = (songs.value ?? []).map((song) => ({
          trackId: song.id,
          stars: 1 + random.nextInt(5),
        }));
        const saved = await post(url, token, 'submitRatings', { ratings });
        if (saved.ok) for (const r of ratings) acknowledged.set(r.trackId, r.stars);
      }
    } catch {
      // The server died mid-request: that request was never acknowledged.
    }
    await exited;
    const check = integrity(db);
    const stored = storedRatings(db);
    const lost = [...acknowledged].filter(([id, stars]) => stored.get(id) !== stars);
    if (check === 'ok' && lost.length === 0) recovered++;
    else
      problems.push(
        `round ${round + 1}: integrity ${check}, ${lost.length} acknowledged ratings lost`,
      );
  }
  return {
    scenario: `serve, killed while rating (${acknowledged.size} ratings acknowledged)`,
    kills,
    midRun: kills,
    recovered,
    problems,
  };
}
