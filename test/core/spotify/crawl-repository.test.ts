import { describe, expect, it } from 'vitest';
import { CrawlRepository } from '../../../main/core/store/crawl-repository.ts';
import type { WorkItem } from '../../../main/core/store/crawl-repository.ts';
import { tempStore } from './harness.ts';

const day = 86_400;

function setup() {
  const store = tempStore();
  const crawl = new CrawlRepository(store.db);
  const source = crawl.ensureSource(
    'album:A',
    'album',
    'jazz',
    { kind: 'album', path: '/albums/A' },
    1000,
  );
  return { store, crawl, source };
}

function only(items: WorkItem[]): WorkItem {
  expect(items).toHaveLength(1);
  return items[0];
}

describe('CrawlRepository', () => {
  it('is created by the version 2 migration', () => {
    const { store } = setup();
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
  });

  it('queues a new source with its first request, once however often it is registered', () => {
    const { crawl, source } = setup();
    crawl.ensureSource('album:A', 'album', 'jazz', { kind: 'album', path: '/albums/A' }, 1001);
    expect(only(crawl.todo([source.id], 0))).toMatchObject({
      kind: 'album',
      path: '/albums/A',
    });
  });

  it('commits an answer with its tracks, genre tag and follow-up requests, and returns those', () => {
    const { crawl, source } = setup();
    const item = only(crawl.todo([source.id], 0));
    const revealed = crawl.completeWork(
      item,
      {
        tracks: [{ spotifyId: 'T1', json: '{"id":"T1"}', isFull: false }],
        children: [
          { kind: 'album-tracks', path: '/albums/A/tracks?offset=50', context: { offset: 50 } },
        ],
      },
      'jazz',
      2000,
      0,
    );
    expect(only(revealed)).toMatchObject({ kind: 'album-tracks', context: { offset: 50 } });
    expect(crawl.todo([source.id], 0)).toEqual(revealed);
    expect(crawl.rawTracks()).toEqual([
      { spotifyId: 'T1', json: '{"id":"T1"}', fetchedAt: 2000, genres: ['jazz'] },
    ]);
  });

  it('does not return a revealed request that is already done and fresh', () => {
    const { crawl, source } = setup();
    const child = { kind: 'album-tracks', path: '/albums/A/tracks?offset=50' };
    const item = only(crawl.todo([source.id], 0));
    const first = only(crawl.completeWork(item, { tracks: [], children: [child] }, null, 100, 0));
    crawl.completeWork(first, { tracks: [], children: [] }, null, 100, 0);
    expect(crawl.completeWork(item, { tracks: [], children: [child] }, null, 200, 50)).toEqual([]);
    expect(
      crawl.completeWork(item, { tracks: [], children: [child] }, null, 300, 150),
    ).toHaveLength(1);
  });

  it('never lets an album-page track replace a full track object, but the reverse', () => {
    const { crawl, source } = setup();
    const item = only(crawl.todo([source.id], 0));
    const write = (json: string, isFull: boolean, at: number) =>
      crawl.completeWork(
        item,
        { tracks: [{ spotifyId: 'T1', json, isFull }], children: [] },
        null,
        at,
        0,
      );
    write('"composed"', false, 10);
    write('"full"', true, 20);
    write('"composed again"', false, 30);
    expect(crawl.rawTracks()[0]).toMatchObject({ json: '"full"', fetchedAt: 20 });
  });

  it('offers done work again only once it is older than the maximum age', () => {
    const { crawl, source } = setup();
    crawl.completeWork(
      only(crawl.todo([source.id], 0)),
      { tracks: [], children: [] },
      null,
      10 * day,
      0,
    );
    expect(crawl.countTodo([source.id], 10 * day - 30 * day)).toBe(0);
    expect(crawl.countTodo([source.id], 10 * day + 1)).toBe(1);
    expect(crawl.settleSources([source.id], 0, 11 * day).get(source.id)?.status).toBe('done');
  });

  it('skips a failed source, and readies it and its failed request on the next registration', () => {
    const { crawl, source } = setup();
    const item = only(crawl.todo([source.id], 0));
    crawl.failSource(item, 'not-found', 'album:A: gone', 1500);
    expect(crawl.todo([source.id], 0)).toEqual([]);
    expect(crawl.settleSources([source.id], 0, 1600).get(source.id)).toMatchObject({
      status: 'failed',
      errorCode: 'not-found',
      errorMessage: 'album:A: gone',
    });
    const again = crawl.ensureSource(
      'album:A',
      'album',
      'jazz',
      { kind: 'album', path: '/albums/A' },
      1700,
    );
    expect(again).toMatchObject({ status: 'pending', errorCode: null });
    expect(only(crawl.todo([source.id], 0)).id).toBe(item.id);
  });
});
