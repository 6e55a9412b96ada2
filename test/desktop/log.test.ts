import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../main/desktop/log.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const quiet = { echo: () => undefined };

describe('main.log', () => {
  it('rotates past its cap, keeping one previous file: never more than about twice the cap', () => {
    const dir = makeTempDir();
    const file = join(dir, 'logs', 'main.log');
    const log = createLog(file, { ...quiet, maxBytes: 4096 });
    for (let i = 0; i < 2000; i++) log(`click ${i} failed`, new Error('disk on fire'));
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['main.log', 'main.log.1']);
    expect(statSync(file).size).toBeLessThanOrEqual(4096);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(4096);
    // The newest line is in main.log; the oldest ones are gone.
    expect(readFileSync(file, 'utf8')).toContain('click 1999 failed');
    expect(readFileSync(`${file}.1`, 'utf8')).not.toContain('click 0 failed');
  });

  it('counts a log that was already large when the app started', () => {
    const dir = makeTempDir();
    const file = join(dir, 'main.log');
    writeFileSync(file, 'x'.repeat(10_000));
    createLog(file, { ...quiet, maxBytes: 4096 })('started');
    expect(readFileSync(file, 'utf8')).toMatch(/^\S+ started\n$/);
    expect(existsSync(`${file}.1`)).toBe(true);
  });

  it('never throws, even when the file cannot be written', () => {
    const dir = makeTempDir();
    const log = createLog(dir, quiet); // a folder where the file should be
    expect(() => log('still running')).not.toThrow();
  });
});
