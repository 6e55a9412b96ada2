import { Prng } from '../../main/core/random.ts';

export interface FakeArtist {
  readonly id: string;
  readonly name: string;
  readonly genres: readonly string[];
}

export interface FakeAlbum {
  readonly id: string;
  readonly name: string;
  readonly albumType: 'album' | 'single' | 'compilation';
  readonly artistId: string;
  readonly releaseDate: string;
  readonly trackIds: string[];
}

export interface FakeTrack {
  readonly id: string;
  readonly name: string;
  readonly artistIds: readonly string[];
  readonly albumId: string;
  readonly durationMs: number;
  readonly explicit: boolean;
  readonly isrc: string;
  readonly trackNumber: number;
}

export interface FakeDataOptions {
  readonly seed?: number;
  readonly artists?: number;
  readonly albumsPerArtist?: number;
  readonly tracksPerAlbum?: number;
  /** Artist i plays genres[i % genres.length]. */
  readonly genres?: readonly string[];
  /**
   * Also release each artist's first album track as a single (new Spotify id, same ISRC and
   * title): the duplicate every real artist catalogue has.
   */
  readonly singles?: boolean;
}

export interface FakeData {
  readonly artists: FakeArtist[];
  readonly albums: FakeAlbum[];
  readonly tracks: FakeTrack[];
  readonly artistById: Map<string, FakeArtist>;
  readonly albumById: Map<string, FakeAlbum>;
  readonly trackById: Map<string, FakeTrack>;
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const words = ['Blue', 'River', 'Night', 'Golden', 'Echo', 'Paper', 'Wild', 'Stone', 'Quiet'];
const moreWords = ['Heart', 'Road', 'Light', 'Dream', 'Fire', 'Rain', 'Song', 'Sky', 'Line'];

function makeId(random: Prng): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += base62[random.nextInt(62)];
  return id;
}

function phrase(random: Prng, index: number): string {
  return `${words[random.nextInt(words.length)]} ${moreWords[random.nextInt(moreWords.length)]} ${index}`;
}

function addTrack(
  data: FakeData,
  random: Prng,
  album: FakeAlbum,
  name: string,
  isrc: string,
): void {
  const track: FakeTrack = {
    id: makeId(random),
    name,
    artistIds: [album.artistId],
    albumId: album.id,
    durationMs: 120_000 + random.nextInt(240_000),
    explicit: random.nextFloat() < 0.2,
    isrc,
    trackNumber: album.trackIds.length + 1,
  };
  album.trackIds.push(track.id);
  data.tracks.push(track);
  data.trackById.set(track.id, track);
}

function addAlbum(
  data: FakeData,
  random: Prng,
  artist: FakeArtist,
  type: FakeAlbum['albumType'],
  name: string,
): FakeAlbum {
  const year = 1960 + random.nextInt(65);
  const month = String(1 + random.nextInt(12)).padStart(2, '0');
  const album: FakeAlbum = {
    id: makeId(random),
    name,
    albumType: type,
    artistId: artist.id,
    releaseDate: `${year}-${month}-15`,
    trackIds: [],
  };
  data.albums.push(album);
  data.albumById.set(album.id, album);
  return album;
}

/** A deterministic made-up Spotify: same options, same ids, names and dates. */
export function makeFakeData(options: FakeDataOptions = {}): FakeData {
  const random = new Prng(options.seed ?? 7);
  const genres = options.genres ?? ['rock', 'jazz', 'pop', 'hip-hop', 'folk'];
  const data: FakeData = {
    artists: [],
    albums: [],
    tracks: [],
    artistById: new Map(),
    albumById: new Map(),
    trackById: new Map(),
  };
  let trackIndex = 0;
  for (let a = 0; a < (options.artists ?? 10); a++) {
    const artist: FakeArtist = {
      id: makeId(random),
      name: `Artist ${a}`,
      genres: [genres[a % genres.length] ?? 'pop'],
    };
    data.artists.push(artist);
    data.artistById.set(artist.id, artist);
    for (let b = 0; b < (options.albumsPerArtist ?? 2); b++) {
      const album = addAlbum(data, random, artist, 'album', `Album ${phrase(random, a * 100 + b)}`);
      for (let t = 0; t < (options.tracksPerAlbum ?? 10); t++) {
        const isrc = `QZ${base62[10 + (a % 26)]}${String(a).padStart(2, '0').slice(-2)}${String(trackIndex).padStart(7, '0')}`;
        addTrack(data, random, album, phrase(random, trackIndex++), isrc);
      }
    }
    const first = data.trackById.get(
      data.albums.find((al) => al.artistId === artist.id)?.trackIds[0] ?? '',
    );
    if (options.singles && first) {
      const single = addAlbum(data, random, artist, 'single', first.name);
      addTrack(data, random, single, first.name, first.isrc);
    }
  }
  return data;
}

/**
 * Adds a single of `title` by `artistNames` (artists of those names, new unless they exist), as
 * Spotify has every well-known recording: a search for it by title and artist then finds it.
 */
export function addRecording(
  data: FakeData,
  title: string,
  artistNames: readonly string[],
): FakeTrack {
  const random = new Prng(data.tracks.length + 1);
  const artists = artistNames.map((name) => {
    let artist = data.artists.find((a) => a.name === name);
    if (artist === undefined) {
      artist = { id: makeId(random), name, genres: ['pop'] };
      data.artists.push(artist);
      data.artistById.set(artist.id, artist);
    }
    return artist;
  });
  const album = addAlbum(data, random, artists[0], 'single', title);
  const track: FakeTrack = {
    id: makeId(random),
    name: title,
    artistIds: artists.map((a) => a.id),
    albumId: album.id,
    durationMs: 200_000,
    explicit: false,
    isrc: `QZZZZ${String(data.tracks.length).padStart(7, '0')}`,
    trackNumber: 1,
  };
  album.trackIds.push(track.id);
  data.tracks.push(track);
  data.trackById.set(track.id, track);
  return track;
}
