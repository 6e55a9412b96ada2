/**
 * How much of what Spotify (or anything answering in its place) says the crawler believes: one
 * place for every bound, so a hostile or broken answer costs a bounded amount of memory, disk
 * and time. A page claiming `total: 1e9` once grew the heap to 4.3 GB.
 */
export const crawlLimits = {
  /**
   * Items of one collection the crawler pages through at most. Real albums stop at a few
   * hundred tracks, Spotify caps a playlist at 10,000 items and serves search results to
   * offset 1000; an artist with more than 500 albums and singles is mostly re-releases.
   */
  maxItems: {
    'album-tracks': 1000,
    'artist-albums': 500,
    'playlist-items': 10_000,
    'search-page': 1000,
  },
  /** One response body. A page of 50 full track objects is 100–300 KB. */
  maxBodyBytes: 8 * 1024 * 1024,
  /** Of an error answer only a message is wanted; the rest is not read. */
  maxErrorBodyBytes: 64 * 1024,
  /** One attempt, headers and body. */
  attemptTimeoutMs: 15_000,
  /**
   * One request in all: its attempts and the backoff between them. A hanging server is given
   * up on after this, not after five full attempt timeouts (which took 104 s). A 429's shared
   * pause is Spotify's instruction, not a failure, and does not count against it.
   */
  requestDeadlineMs: 40_000,
} as const;
