/** The noun for a count: singular for exactly 1, plural otherwise ("0 songs", "1 song"). */
export function nounFor(count: number, noun: string, many = `${noun}s`): string {
  return count === 1 ? noun : many;
}

/** A count and its noun as a person writes them: "1 song", "3 songs", "1 listener". */
export function plural(count: number, noun: string, many?: string): string {
  return `${count} ${nounFor(count, noun, many)}`;
}
