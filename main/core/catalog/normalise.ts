/** Folds case and accents and keeps letters and digits: "Beyoncé" and "BEYONCE" meet. */
function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Drops what distinguishes releases, not recordings: "- 2011 Remaster", "(Remastered 2009)",
 * "(Mono)", "(feat. X)", "- Radio Edit", "(Single Version)".
 */
function stripReleaseDecorations(title: string): string {
  const decoration =
    /\s*(?:[-–]\s*|\(|\[)(?:[^()[\]]*\b(?:remaster(?:ed)?|mono|stereo|single version|radio edit|album version|feat\.?|ft\.|featuring|edit|mix)\b[^()[\]]*)(?:\)|\])?\s*$/i;
  let current = title;
  for (let pass = 0; pass < 3; pass++) {
    const next = current.replace(decoration, '');
    if (next === current || next.trim() === '') break;
    current = next;
  }
  return current.trim();
}

/** The key two entries of the same recording share: normalised title and primary artist. */
export function recordingKey(title: string, primaryArtist: string): string {
  return `${foldText(stripReleaseDecorations(title))}|${foldText(primaryArtist)}`;
}

/** A name's key in the artists table. */
export function artistKey(name: string): string {
  return foldText(name);
}

/** A readable, stable identifier for an embedded-catalog track: `bob-dylan--like-a-rolling-stone`. */
export function catalogItemKey(title: string, primaryArtist: string): string {
  const slug = (text: string): string => foldText(text).replace(/ /g, '-');
  return `${slug(primaryArtist)}--${slug(title)}`;
}
