import { describe, expect, it } from 'vitest';
import { trackSideInformation } from '../../../../main/core/app/picks/side-information.ts';
import type { Track } from '../../../../main/core/catalog/track.ts';

function track(id: number, artist: string, genres: string[], year: number | null): Track {
  const title = `Song ${id}`;
  return {
    id,
    itemKey: `song-${id}`,
    source: 'catalog',
    title,
    artists: [artist],
    genres,
    album: null,
    year,
    spotifyUrl: null,
    imageUrl: null,
  };
}

describe('trackSideInformation', () => {
  const tracks = [
    track(1, 'Ramones', ['punk'], 1976),
    track(2, 'Ramones', ['punk', 'rock'], 1977),
    track(3, 'Chic', ['disco'], 1979),
    track(4, 'Abba', ['disco', 'pop'], 1992),
  ];
  const side = trackSideInformation(tracks);
  const listenersOf = (trackId: number) =>
    new Set([...side.userIds].filter((_, r) => side.trackIds[r] === trackId));

  it('gives every shared trait its own negative-id pseudo-listeners, who love its songs', () => {
    expect([...side.userIds].every((id) => id < 0)).toBe(true);
    expect([...side.ratings].every((stars) => stars === 5)).toBe(true);
    // punk (6) + artist ramones (6) + decade 1970s (4) are shared by songs 1 and 2.
    const shared = [...listenersOf(1)].filter((id) => listenersOf(2).has(id));
    expect(shared).toHaveLength(16);
    // Songs 3 and 4 share only disco (6); 1 and 3 only the 1970s (4).
    expect([...listenersOf(3)].filter((id) => listenersOf(4).has(id))).toHaveLength(6);
    expect([...listenersOf(1)].filter((id) => listenersOf(3).has(id))).toHaveLength(4);
  });

  it('leaves out traits only one song has', () => {
    // rock, pop, Chic, Abba and the 1990s belong to one song each: song 4 has only disco.
    expect(listenersOf(4).size).toBe(6);
  });
});
