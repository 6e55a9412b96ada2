import { describe, expect, it } from 'vitest';
import { coverAlt, genreTags, songName } from '../../renderer/src/lib/card-text.ts';

describe('card text', () => {
  it('shows three genre tags and counts the rest, naming all of them in the label', () => {
    expect(genreTags(['rock', 'pop', 'indie', 'folk', 'jazz'])).toEqual({
      shown: ['rock', 'pop', 'indie'],
      more: 2,
      label: 'Genres: rock, pop, indie, folk, jazz',
    });
    expect(genreTags(['soul', 'r&b', 'funk'])).toEqual({
      shown: ['soul', 'r&b', 'funk'],
      more: 0,
      label: 'Genres: soul, r&b, funk',
    });
  });

  it('says "Genre" for one and nothing for none', () => {
    expect(genreTags(['blues']).label).toBe('Genre: blues');
    expect(genreTags([])).toEqual({ shown: [], more: 0, label: '' });
  });

  it('names a song by title and every artist', () => {
    expect(songName({ title: 'Under Pressure', artists: ['Queen', 'David Bowie'] })).toBe(
      '“Under Pressure” by Queen & David Bowie',
    );
  });

  it('describes a cover by its album, or by the song when the album is unknown', () => {
    expect(coverAlt('Respect', 'I Never Loved a Man')).toBe(
      'Cover of the album “I Never Loved a Man”',
    );
    expect(coverAlt('Respect', null)).toBe('Cover of “Respect”');
  });
});
