import { describe, expect, it } from 'vitest';
import { nounFor, plural } from '../../main/core/plural.ts';

describe('plural', () => {
  it('uses the singular for exactly one and the plural for none, many and fractions', () => {
    expect(plural(1, 'song')).toBe('1 song');
    expect(plural(0, 'song')).toBe('0 songs');
    expect(plural(2, 'bad line')).toBe('2 bad lines');
    expect(plural(1.5, 'star')).toBe('1.5 stars');
  });

  it('takes an irregular plural', () => {
    expect(plural(3, 'child', 'children')).toBe('3 children');
    expect(nounFor(1, 'is', 'are')).toBe('is');
    expect(nounFor(4, 'is', 'are')).toBe('are');
  });
});
