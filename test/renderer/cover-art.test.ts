import { describe, expect, it } from 'vitest';
import { describePlaceholder, initialsOf } from '../../renderer/src/lib/cover-art.ts';

describe('cover placeholder', () => {
  it('is the same for the same song, every time', () => {
    expect(describePlaceholder('Hey Jude', ['The Beatles'])).toEqual(
      describePlaceholder('Hey Jude', ['The Beatles']),
    );
  });

  it('spreads different songs over many colours', () => {
    const hues = new Set(
      Array.from({ length: 60 }, (_, index) => describePlaceholder(`Song ${index}`, ['A']).from),
    );
    expect(hues.size).toBeGreaterThan(40);
  });

  it('tells apart the same title by different artists', () => {
    const original = describePlaceholder('Hallelujah', ['Leonard Cohen']);
    const cover = describePlaceholder('Hallelujah', ['Jeff Buckley']);
    expect(cover.from === original.from && cover.to === original.to).toBe(false);
    expect(cover.initials).toBe(original.initials);
  });

  it('draws hues from a valid range and an angle under a full turn', () => {
    const { from, to, angle } = describePlaceholder('Bohemian Rhapsody', ['Queen']);
    expect(from).toMatch(/^hsl\((\d|[1-9]\d|[12]\d\d|3[0-5]\d) 70% 52%\)$/);
    expect(to).toMatch(/^hsl\((\d|[1-9]\d|[12]\d\d|3[0-5]\d) 75% 38%\)$/);
    expect(angle).toBeGreaterThanOrEqual(0);
    expect(angle).toBeLessThan(360);
  });
});

describe('initialsOf', () => {
  it('takes the first letter of the first two words', () => {
    expect(initialsOf('Hey Jude')).toBe('HJ');
    expect(initialsOf('(I Can’t Get No) Satisfaction')).toBe('IC');
    expect(initialsOf('99 Luftballons')).toBe('9L');
    expect(initialsOf('étoile du nord')).toBe('ÉD');
    expect(initialsOf('Yesterday')).toBe('Y');
  });

  it('falls back to a note when the title has no letters', () => {
    expect(initialsOf('...')).toBe('♪');
  });
});
