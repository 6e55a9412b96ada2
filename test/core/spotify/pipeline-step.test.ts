import { describe, expect, it } from 'vitest';
import type { PipelineProgress } from '../../../main/core/pipeline.ts';
import {
  crawlPipelineStep,
  describeCrawlProgress,
} from '../../../main/core/spotify/pipeline-step.ts';
import { optionsFor, sources } from './crawl-fixtures.ts';
import { fakeSpotify, tempStore } from './harness.ts';

describe('crawlPipelineStep', () => {
  it('reports started, request counts that reach their total, and a summary naming failures', async () => {
    const fake = await fakeSpotify({
      data: { artists: 1, albumsPerArtist: 2, tracksPerAlbum: 60 },
    });
    const news: PipelineProgress[] = [];
    const step = crawlPipelineStep(
      sources(
        `spotify:artist:${fake.data.artists[0].id}`,
        'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M',
      ),
      optionsFor(fake),
    );
    const summary = await step(tempStore(), (p) => news.push(p));
    expect(summary.fetched).toBe(120);
    expect(news[0]).toMatchObject({
      step: 'crawl',
      status: 'started',
      message: 'Crawling 2 Spotify sources',
    });
    const counted = news.filter((p) => p.done !== undefined);
    expect(counted.at(-1)).toMatchObject({
      done: 5,
      total: 5,
      message: 'Spotify: 120 tracks fetched',
    });
    const last = news.at(-1)!;
    expect(last.status).toBe('done');
    // 7 exchanges: the token, the artist's albums, 2 albums, 2 second pages, the playlist.
    expect(last.message).toMatch(/^120 tracks fetched in 7 requests; 120 added/);
    expect(last.message).toContain(
      'failed: Playlist 37i9dQZF1DXcBWIGoYBM5M is a Spotify editorial',
    );
  });

  it('words waits so a person knows why nothing moves', () => {
    expect(
      describeCrawlProgress({
        phase: 'wait',
        reason: 'rate-limited',
        ms: 30_000,
        code: 'rate-limited',
      }).message,
    ).toBe('Spotify asked to slow down: waiting 30 s');
    expect(
      describeCrawlProgress({ phase: 'wait', reason: 'retry', ms: 1200, code: 'server-error' })
        .message,
    ).toBe('Spotify answered server-error: trying again in 2 s');
  });
});
