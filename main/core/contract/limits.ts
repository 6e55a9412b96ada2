/**
 * Every bound a request must respect, and the only place those numbers live: the contract's
 * schemas check them, the Settings forms show them, the CLI's options use them. Inclusive.
 */
export const limits = {
  /** Songs offered per rating round, and ratings sent at once. */
  songsToRate: { min: 1, max: 50, isWhole: true },
  /** Recommendations shown. */
  recommendations: { min: 1, max: 50, isWhole: true },
  stars: { min: 1, max: 5, isWhole: true },
  /** Characters of a search to rate, and the results it lists. */
  searchQuery: { max: 200 },
  searchResults: { min: 1, max: 50, isWhole: true },
  /** Ratings on one page of Your ratings. */
  ratingsPage: { min: 1, max: 500, isWhole: true },
  /** Variety among the picks (maximal marginal relevance's λ). */
  diversity: { min: 0, max: 1, isWhole: false },
  /** Genres or artists one taste may list. */
  tasteChoices: { max: 200 },
  /** Track ids one request may list as already on screen. */
  excludedTracks: { max: 1000 },
  /** Latent factors k. */
  factors: { min: 1, max: 200, isWhole: true },
  /** SGD passes over the ratings. */
  epochs: { min: 1, max: 500, isWhole: true },
  /** Learning rate γ: above 0, so 0.000001 is the smallest taken. */
  learningRate: { min: 0.000001, max: 0.1, isWhole: false },
  /** Regularisation λ. */
  regularization: { min: 0, max: 1, isWhole: false },
  /** What Refresh data crawls: sources, and characters in one. */
  spotifySources: { max: 200 },
  spotifySourceLength: { max: 500 },
  /** Characters in a Spotify client id or secret. */
  spotifyCredentialLength: { max: 200 },
  /** Full plays one kind of Spotify account listening counts for (0 leaves it out). */
  tasteWeight: { min: 0, max: 50, isWhole: false },
  /** A Spotify playlist's name and description, as Spotify caps them. */
  playlistName: { max: 100 },
  playlistDescription: { max: 300 },
  /** Listening-history files one import takes (Spotify splits a history into many). */
  historyFiles: { max: 500 },
  /** Bytes of one history import sent by the browser (a 100,000-play Spotify history is ~75 MB). */
  historyUploadBytes: { max: 512 * 1024 * 1024 },
  /** Past sets of picks one `pickSets` call lists. */
  pickSetsListed: { min: 1, max: 1000, isWhole: true },
} as const;

/** A number field's bounds, as {@link limits} gives them. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly isWhole: boolean;
}
