/**
 * What the Settings forms' fields hold, as requests. The bounds each field shows, and the checks
 * run before a form is sent, are the contract's own (`limits` and the request schemas).
 */

/**
 * What a number field holds, as a number for the request. Empty or not a number becomes NaN,
 * which the contract's schema refuses with its own message, so the range lives in one place.
 */
export function numberFromField(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The sources textarea: one source per line; blank lines are nothing. */
export function sourcesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function sourcesToText(sources: readonly string[]): string {
  return sources.join('\n');
}
