/**
 * `earshot serve` under load: autocannon posting `recommend` (fold-in of the listener's ratings,
 * top 3 of the catalog, reasons) as fast as 10 connections can, for 10 s after a 2 s warm-up.
 * Targets on a 2-core machine: about 5,700 requests/s, p99 latency ≤ 10 ms, no errors. The
 * load generator shares the machine with the server, and the machine's load average is
 * printed beside the figures, since other work on it moves them; so is the CPU time each side
 * spent per request, which other work moves much less.
 *
 * Two runs: right after the listener's Submit, while the background retrain it schedules (2 s
 * later, a few CPU seconds in a worker thread) competes for the same two cores; then once that
 * retrain is done, the steady state of a listener asking again and again.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../main/web/renderer-build.ts';
import { report } from './lib/report.ts';

const bin = fileURLToPath(new URL('../bin/earshot.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'earshot-load-'));
const db = join(dir, 'earshot.db');

async function startServer(): Promise<{ url: string; pid: number; stop: () => void }> {
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
  return { url, pid: server.pid ?? 0, stop: () => void server.kill('SIGTERM') };
}

/** CPU milliseconds a process has used (Linux `/proc`; undefined elsewhere). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    const perSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
    return Number.isFinite(ticks) && perSecond > 0 ? (ticks * 1000) / perSecond : undefined;
  } catch {
    return undefined;
  }
}

interface Server {
  readonly url: string;
  readonly pid: number;
  readonly token: string;
}

/** Figures of one 10 s run, in the order the README's load row quotes them. */
function reportRun(
  result: Awaited<ReturnType<typeof autocannon>>,
  cpuMs: { server?: number; autocannon: number },
  machine: string,
) {
  const failures = result.errors + result.timeouts + result.non2xx;
  const perRequest = (ms: number | undefined) =>
    ms === undefined ? 'n/a' : `${((ms * 1000) / result.requests.total).toFixed(0)} µs`;
  report('recommend: requests/s (mean)', `${result.requests.average.toFixed(0)} (target ≈ 5,700)`);
  report(
    'recommend: latency p50 / p99',
    `${result.latency.p50} ms / ${result.latency.p99} ms (target p99 ≤ 10)`,
  );
  report('recommend: requests in 10 s', `${result.requests.total}`);
  report('recommend: errors, timeouts, non-2xx', `${failures} (target 0)`);
  report(
    'CPU per request: server / autocannon',
    `${perRequest(cpuMs.server)} / ${perRequest(cpuMs.autocannon)}`,
  );
  report('machine', machine);
  const met = result.latency.p99 <= 10 && failures === 0;
  console.log(`serve-load: ${met ? 'MET' : 'MISSED'} (p99 ≤ 10 ms, 0 errors)`);
}

/** A 2 s warm-up, then 10 s of 10 connections posting `recommend` as fast as they can. */
async function loadRun(server: Server, label: string): Promise<void> {
  const options = {
    url: `${server.url}api/recommend`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', 'x-earshot-token': server.token },
    body: '{}',
    connections: 10,
  };
  await autocannon({ ...options, duration: 2 });
  const loadBefore = loadavg()[0] ?? 0;
  const serverBefore = cpuMsOf(server.pid);
  const selfBefore = process.cpuUsage();
  const result = await autocannon({ ...options, duration: 10 });
  const serverAfter = cpuMsOf(server.pid);
  const self = process.cpuUsage(selfBefore);
  process.stdout.write(`${label}\n`);
  reportRun(
    result,
    {
      ...(serverBefore !== undefined && serverAfter !== undefined
        ? { server: serverAfter - serverBefore }
        : {}),
      autocannon: (self.user + self.system) / 1000,
    },
    `${cpus().length} cores, load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
  );
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
  const started = await startServer();
  try {
    const page = await (await fetch(started.url)).text();
    const token = /name="earshot-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
    const server = { ...started, token };
    // A listener with a round of ratings, as after a first Submit.
    const round = (await call(server.url, token, 'songsToRate', { count: 5 })) as {
      value: { id: number }[];
    };
    const ratings = round.value.map((track, i) => ({ trackId: track.id, stars: (i % 5) + 1 }));
    await call(server.url, token, 'submitRatings', { ratings });
    await loadRun(server, 'Right after Submit (the retrain it schedules runs during the load):');
    for (;;) {
      const state = (await call(server.url, token, 'getState', undefined)) as {
        value: { training: { status: string } };
      };
      if (state.value.training.status !== 'training') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await loadRun(server, 'Once the retrain is done (steady state):');
  } finally {
    started.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
