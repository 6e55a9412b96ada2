import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { earshotApplicationId } from '../../../main/core/store/database-identity.ts';
import { latestSchemaVersion } from '../../../main/core/store/migrations.ts';
import { helperPath, startChild } from '../../helpers/child-process.ts';
import type { Child } from '../../helpers/child-process.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const started: Child[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.process.kill('SIGKILL');
});

describe('several processes opening a new database at the same moment', () => {
  it('all succeed, and the schema is built exactly once', async () => {
    const rounds = 6;
    const perRound = 4;
    const failures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const path = join(makeTempDir(), 'earshot.db');
      const children = Array.from({ length: perRound }, () =>
        startChild(helperPath('open-child.ts'), [path]),
      );
      started.push(...children);
      await Promise.all(children.map((child) => child.waitFor('ready')));
      for (const child of children) child.process.stdin.write('go\n');
      const codes = await Promise.all(children.map((child) => child.exited));
      const failed = codes.filter((code) => code !== 0).length;
      codes.forEach((code, i) => {
        if (code !== 0) failures.push(`round ${round}: ${children[i]?.stderr().trim()}`);
      });
      const db = new Sqlite(path, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('application_id', { simple: true })).toBe(earshotApplicationId);
      const written = db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'child.%'");
      expect(written.pluck().get()).toBe(perRound - failed);
      db.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
