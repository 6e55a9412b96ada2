import { loadEmbeddedCatalog } from '../catalog/embedded-catalog.ts';
import { pipelineDefaults } from '../pipeline.ts';
import { applySimulation } from '../ratings/simulation.ts';
import type { Store } from '../store/store.ts';

/**
 * First run: an empty store gets the embedded catalog and the default simulated listeners, so
 * the app works offline at once (the model then trains in the background). Returns whether it
 * had to.
 */
export function bootstrapStore(store: Store, catalogPath?: string): boolean {
  if (store.tracks.count() > 0) return false;
  loadEmbeddedCatalog(store, catalogPath);
  applySimulation(store, {
    mode: pipelineDefaults.ratingsMode,
    listeners: pipelineDefaults.listeners,
    seed: pipelineDefaults.seed,
  });
  return true;
}
