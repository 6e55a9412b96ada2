import { describe, expect, it } from 'vitest';
import {
  numberFromField,
  sourcesFromText,
  sourcesToText,
} from '../../renderer/src/lib/settings-fields.ts';

describe('numberFromField', () => {
  it('reads what the field holds, and makes an empty or wordy field NaN for the schema', () => {
    expect(numberFromField(' 7 ')).toBe(7);
    expect(numberFromField('0.005')).toBe(0.005);
    expect(numberFromField('')).toBeNaN();
    expect(numberFromField('seven')).toBeNaN();
  });
});

describe('sources text', () => {
  it('is one source a line, trimmed, without blank lines, and back', () => {
    const text = ' search:genre:jazz \r\n\n  spotify:album:1DFixLWuPkv3KT3TnV35m3\n';
    expect(sourcesFromText(text)).toEqual([
      'search:genre:jazz',
      'spotify:album:1DFixLWuPkv3KT3TnV35m3',
    ]);
    expect(sourcesToText(['a', 'b'])).toBe('a\nb');
  });
});
