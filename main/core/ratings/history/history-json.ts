/** Entries of a JSON history file: an array, JSON lines, or ListenBrainz's `{ payload: { listens } }`. */
export type HistoryEntries =
  | { readonly layout: 'array'; readonly entries: readonly unknown[] }
  | {
      readonly layout: 'lines';
      readonly entries: readonly unknown[];
      readonly lines: readonly number[];
    };

/** A JSON text that does not parse, with the line it breaks on. */
export class JsonSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.line = line;
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function parseJson(text: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = position ? lineOfOffset(text, Number(position[1])) : 1;
    throw new JsonSyntaxError(
      `not valid JSON: ${message.replace(/ in JSON at position.*$/, '')}`,
      firstLine + line - 1,
    );
  }
}

/** Parses a history's JSON: a whole array or object, else one value per non-blank line. */
export function parseHistoryJson(text: string): HistoryEntries {
  const start = text.trimStart();
  if (start.startsWith('[')) {
    const value = parseJson(text);
    return { layout: 'array', entries: value as unknown[] };
  }
  const firstBreak = start.indexOf('\n');
  const firstLine = firstBreak < 0 ? start : start.slice(0, firstBreak);
  const wholeObject = firstLine.trim() === '{' || !firstLine.trim().endsWith('}');
  if (wholeObject) {
    const value = parseJson(text) as { payload?: { listens?: unknown } };
    const listens = value?.payload?.listens;
    return { layout: 'array', entries: Array.isArray(listens) ? listens : [value] };
  }
  const entries: unknown[] = [];
  const lines: number[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.trim() === '') continue;
    entries.push(parseJson(raw, line));
    lines.push(line);
  }
  return { layout: 'lines', entries, lines };
}

/**
 * The line each top-level element of a JSON array starts on (for error messages only: one
 * scan that skips strings, run when some entry is bad).
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    const isSpace = c === 32 || c === 10 || c === 13 || c === 9;
    if (depth === 1 && expectElement && !isSpace) {
      lines.push(line);
      expectElement = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectElement = true;
  }
  return lines;
}
