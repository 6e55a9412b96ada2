import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { applySimulation } from '../../main/core/ratings/simulation.ts';
import { openStore } from '../../main/core/store/store.ts';
import { makeTempDir } from './temp-dir.ts';

/**
 * Builds a database like a first `earshot pipeline` run makes (embedded catalog, simulated
 * listeners, a model trained in a real worker). Build it once per suite (`beforeAll`), copy it
 * for tests that change it, and call `remove` in `afterAll`.
 */
export async function buildTrainedDatabase(
  listeners = 1000,
  seed = 42,
): Promise<{ path: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-trained-'));
  const path = join(dir, 'earshot.db');
  const store = openStore(path);
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners, seed });
  const models = new ModelManager({ store, events: new EventHub() });
  const outcome = await models.trainNow();
  models.close();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  if (!outcome.ok) throw new Error(`training failed: ${outcome.error.message}`);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy of a database file, for one test to change. */
export function copyDatabase(path: string): string {
  const copy = join(makeTempDir(), 'earshot.db');
  copyFileSync(path, copy);
  return copy;
}
