import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { toJspf } from '../../../../main/core/export/playlists/jspf.ts';
import { toM3u8 } from '../../../../main/core/export/playlists/m3u8.ts';
import { formatOfFileName } from '../../../../main/core/export/playlists/playlist.ts';
import type { Playlist, PlaylistEntry } from '../../../../main/core/export/playlists/playlist.ts';
import { toXspf } from '../../../../main/core/export/playlists/xspf.ts';
import { jspfSchema } from './jspf-schema.ts';

const xsd = readFileSync(new URL('./xspf-1.xsd', import.meta.url), 'utf8');

async function xspfErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'playlist.xspf', contents: xml }],
    schema: [{ fileName: 'xspf-1.xsd', contents: xsd }],
  });
  return result.errors.map((e) => e.message);
}

const onSpotify: PlaylistEntry = {
  title: 'Heroes',
  artists: ['David Bowie'],
  album: '"Heroes"',
  durationMs: 371_066.4,
  spotifyUrl: 'https://open.spotify.com/track/7Jh1bpe76CNTCgdgAdBw4Z',
  spotifyUri: 'spotify:track:7Jh1bpe76CNTCgdgAdBw4Z',
  searchUrl: 'https://open.spotify.com/search/Heroes%20David%20Bowie',
  imageUrl: 'https://i.scdn.co/image/ab67616d0000b273',
  note: 'Predicted 4.6★ · because you liked Starman',
};

/** Everything a writer must survive: markup, quotes, line breaks, controls, emoji, no album. */
const awkward: PlaylistEntry = {
  title: 'Rock & Roll <Part 1>\nLive "at" l\'Olympia\u0007',
  artists: ['Simon & Garfunkel', 'Björk', '坂本龍一'],
  album: null,
  durationMs: null,
  spotifyUrl: null,
  spotifyUri: null,
  searchUrl: 'https://open.spotify.com/search/Rock%20%26%20Roll',
  imageUrl: null,
  note: null,
};

const playlist: Playlist = {
  title: 'Earshot picks #3 (2025-06-01)',
  annotation: 'Songs Earshot picked for you from 12 ratings. 🎧',
  createdAt: 1_748_779_200,
  entries: [onSpotify, awkward],
};

describe('XSPF', () => {
  it('is valid against the XSPF 1 schema, awkward text included', async () => {
    expect(await xspfErrors(toXspf(playlist))).toEqual([]);
    expect(await xspfErrors(toXspf({ ...playlist, entries: [] }))).toEqual([]);
  });

  it('carries the title, artists, album, length in ms and the Spotify link and URI', () => {
    const xml = toXspf(playlist);
    expect(xml).toContain(
      '<location>https://open.spotify.com/track/7Jh1bpe76CNTCgdgAdBw4Z</location>',
    );
    expect(xml).toContain('<identifier>spotify:track:7Jh1bpe76CNTCgdgAdBw4Z</identifier>');
    expect(xml).toContain('<creator>Simon &amp; Garfunkel, Björk &amp; 坂本龍一</creator>');
    expect(xml).toContain('<album>&quot;Heroes&quot;</album>');
    expect(xml).toContain('<duration>371066</duration>');
    expect(xml).toContain('<info>https://open.spotify.com/search/Rock%20%26%20Roll</info>');
    expect(xml).toContain('<date>2025-06-01T12:00:00.000Z</date>');
    expect(xml).not.toContain('\u0007');
  });

  it('is checked for real: the schema refuses what the specification forbids', async () => {
    const valid = toXspf(playlist);
    const broken = [
      valid.replace('<duration>371066</duration>', '<duration>about 6 minutes</duration>'),
      valid.replace('<title>Heroes</title>', '<title>Heroes</title><title>Again</title>'),
      valid.replace('version="1"', 'version="2"'),
      valid.replace(/<trackList>[\s\S]*<\/trackList>/, ''),
    ];
    for (const xml of broken) expect((await xspfErrors(xml)).length).toBeGreaterThan(0);
  });
});

describe('JSPF', () => {
  it('matches the JSPF specification, with the same fields as the XSPF file', () => {
    const parsed = jspfSchema.parse(JSON.parse(toJspf(playlist)));
    expect(parsed.playlist.title).toBe(playlist.title);
    expect(parsed.playlist.creator).toBe('Earshot');
    expect(parsed.playlist.track[0]).toEqual({
      location: [onSpotify.spotifyUrl],
      identifier: [onSpotify.spotifyUri],
      title: 'Heroes',
      creator: 'David Bowie',
      annotation: onSpotify.note,
      image: onSpotify.imageUrl,
      album: '"Heroes"',
      duration: 371066,
    });
    expect(parsed.playlist.track[1]).toEqual({
      title: awkward.title,
      creator: 'Simon & Garfunkel, Björk & 坂本龍一',
      info: awkward.searchUrl,
    });
  });

  it('is checked for real: the schema refuses fields and types outside the specification', () => {
    const document = JSON.parse(toJspf(playlist)) as { playlist: { track: object[] } };
    const tracks = document.playlist.track;
    expect(jspfSchema.safeParse(document).success).toBe(true);
    const withBadDuration = { playlist: { ...document.playlist, track: [{ duration: '3:00' }] } };
    const withUnknownField = { playlist: { ...document.playlist, track: [{ artist: 'x' }] } };
    const withoutTracks = { playlist: { title: 'x' } };
    const withTextLocation = { playlist: { track: [{ ...tracks[0], location: 'not a list' }] } };
    for (const bad of [withBadDuration, withUnknownField, withoutTracks, withTextLocation])
      expect(jspfSchema.safeParse(bad).success).toBe(false);
  });
});

describe('M3U8', () => {
  it('is extended M3U: a header, then #EXTINF, #EXTALB and the address of each song', () => {
    expect(toM3u8(playlist).split('\n')).toEqual([
      '#EXTM3U',
      '#PLAYLIST:Earshot picks #3 (2025-06-01)',
      '#EXTINF:371,David Bowie - Heroes',
      '#EXTALB:"Heroes"',
      'https://open.spotify.com/track/7Jh1bpe76CNTCgdgAdBw4Z',
      `#EXTINF:-1,Simon & Garfunkel, Björk & 坂本龍一 - Rock & Roll <Part 1> Live "at" l'Olympia`,
      'https://open.spotify.com/search/Rock%20%26%20Roll',
      '',
    ]);
  });

  it('is UTF-8 text that round-trips every character', () => {
    const bytes = Buffer.from(toM3u8(playlist), 'utf8');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('坂本龍一');
  });
});

describe('the format of a file name', () => {
  it.each([
    ['picks.m3u8', 'm3u8'],
    ['picks.M3U', 'm3u8'],
    ['/tmp/a.b/loved.xspf', 'xspf'],
    ['loved.JSPF', 'jspf'],
    ['loved.json', undefined],
    ['m3u8', undefined],
  ])('%s is %s', (name, format) => {
    expect(formatOfFileName(name)).toBe(format);
  });
});
