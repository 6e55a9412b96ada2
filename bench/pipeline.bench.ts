/**
 * A first `earshot pipeline` run on a new database: embedded catalog + 1,000 simulated
 * listeners (+ training once available). Target: under 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-'));
try {
  const started = performance.now();
  const lines: string[] = [];
  const code = await main(['pipeline', '--db', join(dir, 'earshot.db')], {
    out: (text) => void lines.push(text),
    err: () => undefined,
    isTty: false,
    env: {},
    stdin: process.stdin,
    isInputTty: false,
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`pipeline exited ${code}`);
  console.log(lines.join('').trimEnd().replace(/^/gm, '  '));
  console.log(
    `pipeline (first run, 1,000 listeners): ${seconds.toFixed(2)} s (target < 3 s) ${seconds < 3 ? 'MET' : 'MISSED'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
