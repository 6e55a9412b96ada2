/**
 * `earshot serve` under load: autocannon posting `recommend` (fold-in of the listener's ratings,
 * top 3 of the catalog, reasons) as fast as 10 connections can, for 10 s after a 2 s warm-up.
 * Targets on a 2-core machine: about 5,700 requests/s, p99 latency ≤ 10 ms, no errors. The
 * load generator shares the machine with the server, and the machine's load average is
 * printed beside the figures, since other work on it moves them.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../main/web/renderer-build.ts';
import { report } from './lib/report.ts';

const bin = fileURLToPath(new URL('../bin/earshot.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'earshot-load-'));
const db = join(dir, 'earshot.db');

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [bin, 'serve', '--db', db], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`earshot serve exited ${code}`)));
  });
  return { url, stop: () => void server.kill('SIGTERM') };
}

async function call(url: string, token: string, method: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-earshot-token': token },
    body: JSON.stringify(body),
  });
  return response.json();
}

try {
  await ensureRendererBuilt();
  spawnSync(process.execPath, [bin, 'pipeline', '--db', db], { stdio: 'ignore' });
  const server = await startServer();
  try {
    const page = await (await fetch(server.url)).text();
    const token = /name="earshot-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
    // A listener with a round of ratings, as after a first Submit.
    const round = (await call(server.url, token, 'songsToRate', { count: 5 })) as {
      value: { id: number }[];
    };
    const ratings = round.value.map((track, i) => ({ trackId: track.id, stars: (i % 5) + 1 }));
    await call(server.url, token, 'submitRatings', { ratings });
    const loadBefore = loadavg()[0] ?? 0;
    const result = await autocannon({
      url: `${server.url}api/recommend`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-earshot-token': token },
      body: '{}',
      connections: 10,
      duration: 10,
      warmup: { connections: 10, duration: 2 },
    });
    const failures = result.errors + result.timeouts + result.non2xx;
    report(
      'recommend: requests/s (mean)',
      `${result.requests.average.toFixed(0)} (target ≈ 5,700)`,
    );
    report(
      'recommend: latency p50 / p99',
      `${result.latency.p50} ms / ${result.latency.p99} ms (target p99 ≤ 10)`,
    );
    report('recommend: requests in 10 s', `${result.requests.total}`);
    report('recommend: errors, timeouts, non-2xx', `${failures} (target 0)`);
    report(
      'machine',
      `${cpus().length} cores, load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
    );
    const met = result.latency.p99 <= 10 && failures === 0;
    console.log(`serve-load: ${met ? 'MET' : 'MISSED'} (p99 ≤ 10 ms, 0 errors)`);
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
