import { describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { contentSecurityPolicy, parsePolicy } from '../../../main/core/content-security-policy.ts';
import { Prng } from '../../../main/core/random.ts';
import { crawlPipelineStep } from '../../../main/core/spotify/pipeline-step.ts';
import { optionsFor, sources } from '../spotify/crawl-fixtures.ts';
import { closeAfterTest, fakeSpotify, tempStore } from '../spotify/harness.ts';

describe('a crawled track’s cover', () => {
  it('reaches the screens as the 300 px album image, on the one host the page may load', async () => {
    const fake = await fakeSpotify({ data: { artists: 4, albumsPerArtist: 1, tracksPerAlbum: 2 } });
    const store = tempStore();
    const artists = fake.data.artists.map((artist) => `spotify:artist:${artist.id}`);
    const crawl = crawlPipelineStep(sources(...artists), optionsFor(fake));
    expect((await crawl(store, () => undefined)).fetched).toBe(8);

    const events = new EventHub();
    const models = closeAfterTest(new ModelManager({ store, events, retrainDelayMs: 60_000 }));
    const random = new Prng(3);
    const service = createAppService({ store, models, events, random: () => random.nextFloat() });
    // A round has one song an artist: four artists, four songs.
    const songs = await service.handle('songsToRate', { count: 4 });
    if (!songs.ok) throw new Error(songs.error.message);

    const albumIds = new Set(fake.data.albums.map((album) => album.id));
    expect(songs.value).toHaveLength(4);
    for (const song of songs.value) {
      // The fake serves each album's art at 640, 300 and 64 px, as Spotify does.
      const match = /^https:\/\/i\.scdn\.co\/image\/fake300(\w+)$/.exec(song.imageUrl ?? '');
      expect(match?.[1] && albumIds.has(match[1]), `${song.title}: ${song.imageUrl}`).toBe(true);
    }
    expect(parsePolicy(contentSecurityPolicy).get('img-src')).toEqual([
      "'self'",
      'https://i.scdn.co',
    ]);
  });
});
