import { describe, expect, it } from 'vitest';
import { ratedStars } from '../../main/cli/commands/recommend.ts';

describe('ratedStars', () => {
  it('shows a stored rating to the nearest half star, as the window does', () => {
    expect(ratedStars(5)).toBe('★★★★★');
    expect(ratedStars(3.5)).toBe('★★★½☆');
    expect(ratedStars(3.67)).toBe('★★★½☆');
    expect(ratedStars(3.8)).toBe('★★★★☆');
    expect(ratedStars(0.5)).toBe('½☆☆☆☆');
  });
});
