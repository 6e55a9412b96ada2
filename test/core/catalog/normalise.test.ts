import { describe, expect, it } from 'vitest';
import {
  recordingKey,
  splitArtistCredit,
  stripReleaseDecorations,
  titleKey,
} from '../../../main/core/catalog/normalise.ts';

describe('recordingKey', () => {
  it('keeps a featuring version apart from the original (a remix must not take its link)', () => {
    expect(recordingKey('Levitating (feat. DaBaby)', ['Dua Lipa', 'DaBaby'])).not.toBe(
      recordingKey('Levitating', ['Dua Lipa']),
    );
    expect(recordingKey('Levitating (feat. DaBaby)', ['Dua Lipa'])).toBe(
      'levitating|dababy+dua lipa',
    );
  });

  it('matches a featuring credit in the title with the same artist credited', () => {
    expect(recordingKey('Crazy In Love (feat. JAY-Z)', ['Beyoncé', 'JAY-Z'])).toBe(
      recordingKey('Crazy in Love', ['Beyoncé', 'Jay-Z']),
    );
    expect(recordingKey('Lose Control (feat. Ciara & Fat Man Scoop)', ['Missy Elliott'])).toBe(
      recordingKey('Lose Control', ['Missy Elliott', 'Ciara', 'Fat Man Scoop']),
    );
  });

  it('matches a soundtrack credit to the song itself', () => {
    expect(recordingKey('Dance The Night (From Barbie The Album)', ['Dua Lipa'])).toBe(
      recordingKey('Dance the Night', ['Dua Lipa']),
    );
    expect(titleKey('What Was I Made For? [From The Motion Picture "Barbie"]')).toBe(
      'what was i made for',
    );
    expect(titleKey('Shallow - From A Star Is Born Soundtrack')).toBe('shallow');
  });

  it('matches remasters, mono and radio edits, but not live, remix or re-recorded versions', () => {
    const original = recordingKey('Like a Rolling Stone', ['Bob Dylan']);
    expect(recordingKey('Like A Rolling Stone - 2011 Remaster', ['Bob Dylan'])).toBe(original);
    expect(recordingKey('Like a Rolling Stone (Mono Version)', ['Bob Dylan'])).toBe(original);
    expect(recordingKey('Like a Rolling Stone - Live - Remastered', ['Bob Dylan'])).not.toBe(
      original,
    );
    expect(titleKey('Blue Monday - Extended Mix')).toBe('blue monday extended mix');
    expect(titleKey('Love Story (Taylor’s Version)')).toBe('love story taylor s version');
    expect(titleKey('Song (Tiësto Remix)')).toBe('song tiesto remix');
  });

  it('leaves titles whose brackets are part of the name alone', () => {
    expect(stripReleaseDecorations('(I Can’t Get No) Satisfaction')).toBe(
      '(I Can’t Get No) Satisfaction',
    );
    expect(stripReleaseDecorations('Exit Music (For a Film)')).toBe('Exit Music (For a Film)');
    expect(stripReleaseDecorations('From Me to You')).toBe('From Me to You');
  });
});

describe('splitArtistCredit', () => {
  it('separates a featuring credit from the main artist, keeping "&" in band names', () => {
    expect(splitArtistCredit('Dua Lipa feat. DaBaby')).toEqual({
      main: 'Dua Lipa',
      featured: ['dababy'],
    });
    expect(splitArtistCredit('Earth, Wind & Fire')).toEqual({
      main: 'Earth, Wind & Fire',
      featured: [],
    });
  });
});
