import { describe, expect, it } from 'vitest';
import {
  albumLine,
  describeHistoryImport,
  formatPredicted,
  joinArtists,
  starGlyphs,
  starsLabel,
} from '../../renderer/src/lib/format.ts';

describe('screen text', () => {
  it('names star counts as a screen reader should say them', () => {
    expect(starsLabel(1)).toBe('1 star');
    expect(starsLabel(3)).toBe('3 stars');
  });

  it('draws whole ratings as black stars, never more than five', () => {
    expect(starGlyphs(5)).toBe('★★★★★');
    expect(starGlyphs(2)).toBe('★★');
    expect(starGlyphs(9)).toBe('★★★★★');
  });

  it('shows imported ratings to the nearest half star, as the terminal does', () => {
    expect(starGlyphs(3.5)).toBe('★★★½');
    expect(starGlyphs(3.67)).toBe('★★★½');
    expect(starGlyphs(3.8)).toBe('★★★★');
    expect(starGlyphs(0.5)).toBe('½');
    expect(starsLabel(3.67)).toBe('3.5 stars');
    expect(starsLabel(0.5)).toBe('0.5 stars');
  });

  it('shows predictions with one decimal', () => {
    expect(formatPredicted(4.63)).toBe('4.6');
    expect(formatPredicted(5)).toBe('5.0');
  });

  it('joins artists the way a sleeve would', () => {
    expect(joinArtists(['Queen'])).toBe('Queen');
    expect(joinArtists(['Queen', 'David Bowie'])).toBe('Queen & David Bowie');
    expect(joinArtists(['Daft Punk', 'Pharrell Williams', 'Nile Rodgers'])).toBe(
      'Daft Punk, Pharrell Williams & Nile Rodgers',
    );
    expect(joinArtists([])).toBe('Unknown artist');
  });

  it('puts the year before the album and leaves out what is unknown', () => {
    expect(albumLine('Rumours', 1977)).toBe('1977 · Rumours');
    expect(albumLine(null, 1977)).toBe('1977');
    expect(albumLine('Rumours', null)).toBe('Rumours');
    expect(albumLine(null, null)).toBe('');
  });

  it('says what a history import found, with one of a thing in the singular', () => {
    const summary = {
      files: [],
      plays: 1234,
      recordings: 3,
      notMusic: 1,
      matched: { recordings: 2, plays: 1200 },
      unmatched: { recordings: 1, plays: 34 },
      tracks: 1,
    };
    expect(describeHistoryImport(summary)).toBe(
      '1,234 plays of 3 recordings: 2 matched (1 song now carries your listening), 1 not in the catalog yet, 1 podcast or unknown entry left out.',
    );
    expect(describeHistoryImport({ ...summary, plays: 1, tracks: 2, notMusic: 0 })).toBe(
      '1 play of 3 recordings: 2 matched (2 songs now carry your listening), 1 not in the catalog yet.',
    );
  });
});
