/**
 * A plain decimal as people and spreadsheets write it: digits, an optional sign and fraction.
 * `Number()` alone would also take `0x4`, `0b11`, `1e3`, `Infinity` and `''`, none of which a
 * ratings or history file means.
 */
const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The value of a strict decimal, or undefined when the text is anything else. */
export function parseDecimal(text: string): number | undefined {
  return decimal.test(text) ? Number(text) : undefined;
}

/** Digits after the point, ignoring trailing zeros: "4.50" → 1, "3.14159" → 5, "4" → 0. */
export function decimalPlaces(text: string): number {
  const point = text.indexOf('.');
  if (point < 0) return 0;
  let end = text.length;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - point - 1;
}
