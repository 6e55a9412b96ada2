import { describe, expect, it } from 'vitest';
import { createResultText } from '../../main/web/result-text.ts';

describe('createResultText', () => {
  it('writes the text of a frozen value once and sends it as often as asked', () => {
    const resultText = createResultText();
    let serialised = 0;
    const value = Object.freeze({
      toJSON: () => {
        serialised += 1;
        return { picks: [1, 2, 3] };
      },
    });
    const texts = [1, 2, 3].map(() => resultText({ ok: true, value }));
    expect(texts).toEqual(Array(3).fill('{"ok":true,"value":{"picks":[1,2,3]}}'));
    expect(serialised).toBe(1);
  });

  it('serialises a value that can still change every time', () => {
    const resultText = createResultText();
    const value = { picks: [1, 2, 3] };
    expect(resultText({ ok: true, value })).toBe('{"ok":true,"value":{"picks":[1,2,3]}}');
    value.picks.push(4);
    expect(resultText({ ok: true, value })).toBe('{"ok":true,"value":{"picks":[1,2,3,4]}}');
    expect(resultText({ ok: false, error: { code: 'busy', message: 'Busy.' } })).toBe(
      '{"ok":false,"error":{"code":"busy","message":"Busy."}}',
    );
  });
});
