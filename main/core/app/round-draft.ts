import type { RoundDraft, SaveRoundRequest } from '../contract/index.ts';
import type { Store } from '../store/store.ts';
import type { SongPool } from './song-pool.ts';

/** The round on screen: its songs in order and the stars given so far. */
const draftKey = 'round.draft';

interface DraftCard {
  readonly trackId: number;
  readonly stars: number | null;
}

function isDraftCard(value: unknown): value is DraftCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  return (
    typeof card.trackId === 'number' && (card.stars === null || typeof card.stars === 'number')
  );
}

/**
 * Keeps the round in progress in the database, not in the page, so that a reload of the
 * browser or a restart of the app (or the other face) deals it again as it was. The page saves
 * it when a round is dealt, on every star and swap, and empties it once the round is submitted.
 */
export function saveRound(store: Store, request: SaveRoundRequest): { cards: number } {
  store.settings.set(draftKey, request.cards);
  return { cards: request.cards.length };
}

/** The round in progress, its songs as views; songs gone from the catalog are left out. */
export function readRoundDraft(store: Store, pool: SongPool): RoundDraft {
  const stored = store.settings.get(draftKey);
  const cards = Array.isArray(stored) ? stored.filter(isDraftCard) : [];
  const tracks = pool.tracks();
  return {
    cards: cards.flatMap((card) => {
      const track = tracks.get(card.trackId);
      return track === undefined ? [] : [{ track: pool.view(track.id), stars: card.stars }];
    }),
  };
}
