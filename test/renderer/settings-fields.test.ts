import { describe, expect, it } from 'vitest';
import { InvalidRequest, parseRequest } from '../../main/core/app/request-guards.ts';
import { parseModelParametersRequest } from '../../main/desktop/settings-guards.ts';
import {
  fieldOfMessage,
  modelRanges,
  numberFromField,
  preferenceRanges,
  sourcesFromText,
  sourcesToText,
} from '../../renderer/src/lib/settings-fields.ts';

/** Whether the main process takes `value` for `check`, or refuses it as invalid. */
function accepts(check: (value: number) => unknown, value: number): boolean {
  try {
    check(value);
    return true;
  } catch (error) {
    if (error instanceof InvalidRequest) return false;
    throw error;
  }
}

describe('the ranges the Settings forms show', () => {
  it.each(Object.entries(preferenceRanges))(
    'are the validator’s own for the preference %s',
    (name, range) => {
      const check = (value: number) => parseRequest('setPreferences', { [name]: value });
      expect(accepts(check, range.min)).toBe(true);
      expect(accepts(check, range.max)).toBe(true);
      expect(accepts(check, range.min - 1)).toBe(false);
      expect(accepts(check, range.max + 1)).toBe(false);
    },
  );

  it.each(Object.entries(modelRanges))(
    'are the validator’s own for the model parameter %s',
    (name, range) => {
      const check = (value: number) => parseModelParametersRequest({ [name]: value });
      expect(accepts(check, range.min)).toBe(true);
      expect(accepts(check, range.max)).toBe(true);
      const isWhole = range.step === 1;
      expect(accepts(check, isWhole ? range.min - 1 : range.min - 1e-9)).toBe(false);
      expect(accepts(check, range.max * 1.01)).toBe(false);
      // Whole numbers refuse a fraction; the others take one.
      expect(accepts(check, isWhole ? range.min + 0.5 : (range.min + range.max) / 2)).toBe(
        !isWhole,
      );
    },
  );
});

describe('numberFromField', () => {
  it('reads what the field holds, and makes an empty or wordy field NaN for the validator', () => {
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

describe('fieldOfMessage', () => {
  const fields = ['songsToRate', 'recommendations'] as const;

  it('finds the field a validator message starts with, and says the rest as a sentence', () => {
    expect(fieldOfMessage('songsToRate must be a whole number from 1 to 50', fields)).toEqual({
      field: 'songsToRate',
      text: 'Must be a whole number from 1 to 50.',
    });
  });

  it('leaves a message about no field alone', () => {
    expect(fieldOfMessage('request has an unknown field "x"', fields)).toBeNull();
    expect(fieldOfMessage('songsToRateX is odd', fields)).toBeNull();
  });
});
