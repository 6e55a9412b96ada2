/**
 * The placeholder drawn when a song has no cover image: a two-colour gradient and the title's
 * initials. Both derive from the title and artists alone, so a song looks the same on every
 * screen and every launch.
 */
export interface CoverPlaceholder {
  /** Gradient start and end, as CSS colours. */
  readonly from: string;
  readonly to: string;
  /** Gradient direction in degrees, 0 to 359. */
  readonly angle: number;
  /** One or two letters, upper case. */
  readonly initials: string;
}

export function describePlaceholder(title: string, artists: readonly string[]): CoverPlaceholder {
  const hash = hashString(`${title}\u0000${artists.join('\u0000')}`);
  const hue = hash % 360;
  // A neighbouring hue 30–89° away keeps the pair harmonious; lightness stays mid so white
  // initials read on both ends in light and dark mode alike.
  const secondHue = (hue + 30 + ((hash >>> 9) % 60)) % 360;
  return {
    from: `hsl(${hue} 70% 52%)`,
    to: `hsl(${secondHue} 75% 38%)`,
    angle: (hash >>> 17) % 360,
    initials: initialsOf(title),
  };
}

/** The first letter or digit of the title's first two words: "Hey Jude" → "HJ". */
export function initialsOf(title: string): string {
  const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toLocaleUpperCase() || '♪';
}

/** FNV-1a, 32 bits: tiny, fast and stable across runs (unlike any built-in hash). */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
