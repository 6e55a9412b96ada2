import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../../main/core/ratings/import/parse-time.ts';

describe('parseTime', () => {
  it('tells seconds from milliseconds by size and floors fractions', () => {
    expect(parseTime('1700000000')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('1700000000999')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('1700000000.75')).toEqual({ ok: true, seconds: 1700000000 });
  });

  it('reads ISO 8601 dates, with or without time and zone (UTC when none)', () => {
    expect(parseTime('2023-11-14')).toEqual({ ok: true, seconds: 1699920000 });
    expect(parseTime('2023-11-14T22:13:20Z')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('2023-11-14T22:13:20.5Z')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('2023-11-14 23:13:20+0100')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('2023-11-14T17:13:20-05:00')).toEqual({ ok: true, seconds: 1700000000 });
  });

  it.each(['0x10', '1e9', 'Infinity', 'NaN', '', '2023-13-01', '2023-11-14T25:00', '2200-01-01'])(
    'refuses "%s" with a reason',
    (text) => {
      const result = parseTime(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/time/);
    },
  );
});

describe("parseTime on Spotify's timestamps", () => {
  it('reads the exact form quickly and still refuses impossible ones', () => {
    expect(parseTime('2023-11-14T22:13:20Z')).toEqual({ ok: true, seconds: 1700000000 });
    expect(parseTime('2024-02-29T00:00:00Z')).toEqual({ ok: true, seconds: 1709164800 });
    expect(parseTime('2023-02-29T00:00:00Z').ok).toBe(false);
    expect(parseTime('2023-11-14T24:13:20Z').ok).toBe(false);
    expect(parseTime('2023-11-14X22:13:20Z').ok).toBe(false);
    expect(parseTime('2023-1a-14T22:13:20Z').ok).toBe(false);
  });
});
