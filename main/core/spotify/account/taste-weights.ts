import { limits } from '../../contract/index.ts';
import type { Store } from '../../store/store.ts';
import type { ListeningKind } from './library-read.ts';

/**
 * How strongly each kind of account listening counts, in full plays of the listening-history
 * model (`ratings/history/strength.ts`): 12 plays give strength 0.94, 6 give 0.75, 3 give 0.5
 * and 1 gives 0.21. A setting (`spotify.account.tasteWeights`), 0–50 each (`limits.tasteWeight`); 0 leaves that
 * kind out.
 */
export type TasteWeights = Readonly<Record<ListeningKind, number>>;

const defaultTasteWeights: TasteWeights = { top: 12, saved: 6, playlist: 3, recent: 1 };

const key = 'spotify.account.tasteWeights';

export function readTasteWeights(store: Store): TasteWeights {
  const stored = store.settings.get(key);
  const weights = { ...defaultTasteWeights };
  if (typeof stored !== 'object' || stored === null) return weights;
  for (const kind of Object.keys(weights) as ListeningKind[]) {
    const value = (stored as Record<string, unknown>)[kind];
    if (typeof value === 'number' && value >= 0 && value <= limits.tasteWeight.max)
      weights[kind] = value;
  }
  return weights;
}

export function writeTasteWeights(store: Store, weights: TasteWeights): void {
  store.settings.set(key, weights);
}
