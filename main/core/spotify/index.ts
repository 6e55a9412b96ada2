/** The Spotify crawler's public surface: parse sources, run a crawl, read its summary. */
export { parseSource, parseSources } from './parse-source.ts';
export type { CrawlSource, ParseSourceResult, SourceKind } from './parse-source.ts';
export { runCrawl } from './run-crawl.ts';
export { crawlPipelineStep, describeCrawlProgress, formatCrawlSummary } from './pipeline-step.ts';
export type {
  CrawlOptions,
  CrawlProgress,
  CrawlStop,
  CrawlSummary,
  SourceReport,
  StopReason,
} from './crawl-types.ts';
export type { JoinSummary } from './join-catalog.ts';
export { SpotifyClient } from './spotify-client.ts';
export type { SpotifyClientOptions, SpotifyCredentials, SpotifyWait } from './spotify-client.ts';
export type { SpotifyErrorCode, SpotifyFailure, SpotifyResult } from './spotify-error.ts';
export { defaultAccountsUrl, defaultApiUrl, resolveEndpoints } from './spotify-config.ts';
