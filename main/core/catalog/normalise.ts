/** Plain ASCII has no accents to fold: most titles, and decomposing them costs the most. */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ascii = /^[\u0000-\u007f]*$/;

/** Folds case and accents and keeps letters and digits: "Beyoncé" and "BEYONCE" meet. */
function foldText(text: string): string {
  const unaccented = ascii.test(text) ? text : text.normalize('NFKD').replace(/\p{Mn}/gu, '');
  return unaccented
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "(feat. X)", "[ft. X]", "(featuring X)" anywhere in a title. */
const featuringBracket = /\s*[([]\s*(?:feat\.?|ft\.|featuring)\s+([^()[\]]+?)\s*[)\]]/gi;
/** "- feat. X" or " feat. X" at the end of a title, or after the main artist in an artist field. */
const featuringTail = /\s+(?:[-–]\s*)?(?:feat\.?|ft\.|featuring)\s+(.+)$/i;

/** What marks another release of the same recording… */
const releaseWords =
  /\b(?:remaster(?:ed)?|mono|stereo|single version|album version|radio edit|single edit|radio version|edit)\b/i;
/** …unless the decoration also says it is another recording. */
const otherRecordingWords =
  /\b(?:live|remix|rmx|mix|acoustic|instrumental|demo|extended|club|dub|karaoke|a ?cappella|unplugged|rework|re-?recorded|taylor'?s version|cover|session|sped up|slowed)\b/i;
/** A soundtrack credit: `(From "Barbie")`, `- From Barbie The Album`, `[From The Motion Picture …]`. */
const soundtrackCredit =
  /^from\s+(?:["“”']|.*\b(?:soundtrack|album|motion picture|film|movie|series|musical|original|o\.?s\.?t|game)\b)/i;
/** The last `(…)`, `[…]` or ` - …` of a title. */
const trailingPart = /\s*(?:\(([^()]*)\)|\[([^[\]]*)\]|\s[-–]\s+([^()[\]]*?))\s*$/;

function isReleaseDecoration(part: string): boolean {
  const text = part.trim();
  return (
    (releaseWords.test(text) && !otherRecordingWords.test(text)) || soundtrackCredit.test(text)
  );
}

/**
 * Drops what distinguishes releases, not recordings: "- 2011 Remaster", "(Remastered 2009)",
 * "(Mono)", "- Radio Edit", "(Single Version)", and soundtrack credits ("(From Barbie The
 * Album)"). A decoration that names another recording ("Live - Remastered", "Extended Mix",
 * "Remix", "Taylor's Version") stays, and so does "(feat. X)": see {@link splitFeaturing}.
 */
export function stripReleaseDecorations(title: string): string {
  let current = title.trim();
  for (let pass = 0; pass < 3; pass++) {
    const match = trailingPart.exec(current);
    const part = match?.[1] ?? match?.[2] ?? match?.[3];
    if (match === null || part === undefined || !isReleaseDecoration(part)) break;
    const next = current.slice(0, match.index).trim();
    if (next === '') break;
    current = next;
  }
  return current;
}

/** Names in a featuring credit: "Ciara & Fat Man Scoop" → both, unless it is one known name. */
function featuredNames(credit: string, known: ReadonlySet<string>): string[] {
  const whole = foldText(credit);
  if (known.has(whole)) return [whole];
  return credit
    .split(/\s*(?:,|&|\bx\b)\s*/i)
    .map(foldText)
    .filter((name) => name !== '');
}

/**
 * A title without its featuring credits, and the names they credit: "Levitating (feat.
 * DaBaby)" → "Levitating", ["dababy"]. Featured artists are part of what a recording is — the
 * DaBaby version of Levitating is a remix, not the original — so they go into the recording key
 * with the credited artists instead of being dropped.
 */
export function splitFeaturing(
  title: string,
  known: ReadonlySet<string> = new Set(),
): { title: string; featured: string[] } {
  const featured: string[] = [];
  let rest = title.replace(featuringBracket, (_all, credit: string) => {
    featured.push(...featuredNames(credit, known));
    return '';
  });
  const tail = featuringTail.exec(rest);
  if (tail !== null && tail.index > 0) {
    featured.push(...featuredNames(tail[1], known));
    rest = rest.slice(0, tail.index);
  }
  return { title: rest.trim(), featured };
}

/** The comparable form of a recording's title: featuring credits and release decorations gone. */
export function titleKey(title: string): string {
  return foldText(stripReleaseDecorations(splitFeaturing(title).title));
}

/**
 * The key two entries of the same recording share: the normalised title and every artist —
 * the credited ones and those a "(feat. …)" in the title names — folded and sorted. So
 * "Crazy in Love (feat. JAY-Z)" by Beyoncé, JAY-Z is "Crazy in Love" by Beyoncé, Jay-Z, while
 * "Levitating (feat. DaBaby)" is not "Levitating" by Dua Lipa.
 */
export function recordingKey(title: string, artists: readonly string[]): string {
  const credited = new Set(artists.map(foldText).filter((name) => name !== ''));
  const { title: bare, featured } = splitFeaturing(title, credited);
  for (const name of featured) credited.add(name);
  return `${foldText(stripReleaseDecorations(bare))}|${[...credited].sort().join('+')}`;
}

/** An artist field as histories write it: "Dua Lipa feat. DaBaby" → main and featured names. */
export function splitArtistCredit(artist: string): { main: string; featured: string[] } {
  const { title: main, featured } = splitFeaturing(artist);
  return { main, featured };
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
