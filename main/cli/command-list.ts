import type { CliIo } from './cli-io.ts';

/**
 * The `earshot` commands. Each one's code is imported only when it runs, so that `serve` or
 * `stats` start without loading what `evaluate` or the Spotify crawler need.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'recommend',
    summary: 'Rate a few songs in the terminal and get the ones you will most likely enjoy.',
    usage: 'earshot recommend [--rate N] [--top K] [--db PATH]',
    load: () => import('./commands/recommend.ts'),
  },
  {
    name: 'picks',
    summary:
      "Print your current picks (or an imported listener's) without a rating round; rate or wave off a pick.",
    usage:
      'earshot picks [--user ID] [--top K] [--json] [--rate TRACK_ID=STARS …] [--not-interested TRACK_ID …] [--db PATH]',
    load: () => import('./commands/picks.ts'),
  },
  {
    name: 'rate',
    summary:
      'Rate one song you know, found by title and artist (or changes its stars): earshot rate "jolene" 5.',
    usage: 'earshot rate "QUERY" STARS | earshot rate --id TRACK_ID STARS [--db PATH]',
    load: () => import('./commands/rate.ts'),
  },
  {
    name: 'ratings',
    summary: 'List the songs you rated (search, sort), or remove ratings with --remove.',
    usage:
      'earshot ratings [--search QUERY] [--sort recent|stars|title|artist] [--limit N] [--offset N] [--json] | --remove TRACK_ID … [--db PATH]',
    load: () => import('./commands/ratings.ts'),
  },
  {
    name: 'history',
    summary: 'List your past sets of picks (when, from how many ratings), or reopen one by its ID.',
    usage: 'earshot history [ID] [--json] [--db PATH]',
    load: () => import('./commands/history.ts'),
  },
  {
    name: 'playlist',
    summary:
      'Save your picks, a past set or the songs you loved (4★ and up) as an M3U8, XSPF or JSPF playlist.',
    usage:
      'earshot playlist --out FILE [--format m3u8|xspf|jspf] [--from picks|loved|history:ID] [--force] [--db PATH]',
    load: () => import('./commands/playlist.ts'),
  },
  {
    name: 'taste',
    summary:
      'Show or set your taste start: genres you like and dislike, eras and artists you like (the first rounds and the picks use it).',
    usage:
      'earshot taste [--like GENRE,…] [--dislike GENRE,…] [--eras 1970s,…] [--artists NAME …] [--skip] [--clear] [--json] [--db PATH]',
    load: () => import('./commands/taste.ts'),
  },
  {
    name: 'serve',
    summary:
      'Serve the app to your browser on 127.0.0.1 (the successor of the original Flask page).',
    usage: 'earshot serve [--port P] [--db PATH] [--open]',
    load: () => import('./commands/serve.ts'),
  },
  {
    name: 'pipeline',
    summary: 'Load or refresh the catalog, generate simulated ratings and train the model.',
    usage:
      'earshot pipeline [--db PATH] [--listeners N] [--seed S] [--ratings-mode taste|uniform] [--export DIR [--force]] [--source URL|URI|search:QUERY|unmatched …] [--sources-file FILE]',
    load: () => import('./commands/pipeline.ts'),
  },
  {
    name: 'evaluate',
    summary:
      "Cross-validate a recommender as Surprise's cross_validate: RMSE, MAE, FCP, full-catalog precision/recall/NDCG/hit rate/MAP@k, coverage, novelty, diversity, star calibration.",
    usage:
      'earshot evaluate [--db PATH] [--ratings FILE [--format csv|movielens] [--scale MIN,MAX] [--delimiter D] [--skip-bad]] [--folds 5] [--algo svd|baseline|global-mean|popularity|ease|implicit-als|picks] [--factors N] [--epochs N] [--lr X] [--reg X] [--lambda X] [--alpha X] [--seed S] [--k 10] [--ranking-protocol full-catalog|rated-only] [--json]',
    load: () => import('./commands/evaluate.ts'),
  },
  {
    name: 'import-ratings',
    summary:
      'Import real ratings: CSV (userID,itemID,rating[,timestamp]) or MovieLens files; --as-me restores your own export.',
    usage:
      'earshot import-ratings FILE [--format csv|movielens] [--scale MIN,MAX] [--delimiter D] [--as-me] [--skip-bad] [--db PATH]',
    load: () => import('./commands/import-ratings.ts'),
  },
  {
    name: 'import-history',
    summary:
      'Import your listening history (Spotify, Last.fm, ListenBrainz exports) as implicit taste.',
    usage:
      'earshot import-history FILE|FOLDER… [--format spotify-extended|spotify-account|lastfm|listenbrainz] [--skip-bad] [--db PATH]',
    load: () => import('./commands/import-history.ts'),
  },
  {
    name: 'export',
    summary: 'Write songs.csv and user_ratings.csv (userID,itemID,rating) into a folder.',
    usage:
      'earshot export --out DIR [--force] [--db PATH]  (your own ratings are marked earshot:me)',
    load: () => import('./commands/export.ts'),
  },
  {
    name: 'login',
    summary:
      'Sign in to your Spotify account (in your browser, PKCE); --status shows who is signed in, --import reads your listening as taste.',
    usage:
      'earshot login [--client-id ID] [--port P] [--timeout SECONDS] [--no-open] [--import] [--status] [--db PATH]',
    load: () => import('./commands/login.ts'),
  },
  {
    name: 'logout',
    summary:
      "Sign out of Spotify: delete Earshot's tokens (and, with --forget-listening, the taste they brought).",
    usage: 'earshot logout [--forget-listening] [--db PATH]',
    load: () => import('./commands/logout.ts'),
  },
  {
    name: 'stats',
    summary: 'Show what the database holds: tracks, artists, genres, listeners, ratings, model.',
    usage: 'earshot stats [--db PATH] [--json]',
    load: () => import('./commands/stats.ts'),
  },
];
