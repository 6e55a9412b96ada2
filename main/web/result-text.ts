import type { Result } from '../core/contract/index.ts';

/** A result as the text of its JSON. */
export type ResultText = (result: Result<unknown>) => string;

/**
 * Serialises results, keeping the text of those whose value is frozen: the core freezes an
 * answer it hands out again unchanged (the picks memo), so its text is written once and sent as
 * often as asked.
 */
export function createResultText(): ResultText {
  const texts = new WeakMap<object, string>();
  return (result) => {
    const { value } = result.ok ? result : { value: undefined };
    if (typeof value !== 'object' || value === null || !Object.isFrozen(value))
      return JSON.stringify(result);
    let text = texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(result);
      texts.set(value, text);
    }
    return text;
  };
}
