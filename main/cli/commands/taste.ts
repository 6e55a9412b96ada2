import type { CliIo } from '../cli-io.ts';
import type { Taste, TasteRequest, TasteView } from '../../core/contract/index.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withEarshot } from '../command.ts';

/** `rock, folk` → ['rock', 'folk']; absent → undefined (that part is kept). */
function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** `1970s,80s` → [1970, 1980]: a decade as its first year, "s" optional, two digits are 1900s. */
function decades(value: string | undefined): number[] | undefined {
  return list(value)?.map((text) => {
    const match = /^(\d{2}|\d{4})s?$/i.exec(text);
    const year = match === null ? NaN : Number(match[1]);
    const decade = year < 100 ? 1900 + year : year;
    if (!Number.isInteger(decade) || decade % 10 !== 0)
      throw new UsageError(`--eras takes decades such as 1970s or 80s, got "${text}"`);
    return decade;
  });
}

export function formatTaste(taste: Taste): string {
  const line = (label: string, items: readonly (string | number)[]) =>
    `${label.padEnd(10)} ${items.length > 0 ? items.join(', ') : '—'}`;
  const lines = [
    line('Likes', taste.likedGenres),
    line('Dislikes', taste.dislikedGenres),
    line(
      'Eras',
      taste.decades.map((d) => `${d}s`),
    ),
    line('Artists', taste.artists),
  ];
  if (taste.skipped) lines.push('(The taste start was skipped.)');
  return `${lines.join('\n')}\n`;
}

/** Runs `earshot taste`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...dbOption,
    like: { type: 'string' },
    dislike: { type: 'string' },
    eras: { type: 'string' },
    artists: { type: 'string', multiple: true },
    clear: { type: 'boolean' },
    skip: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const change = {
    likedGenres: list(values.like),
    dislikedGenres: list(values.dislike),
    decades: decades(values.eras),
    artists: values.artists?.map((a) => a.trim()),
  };
  const given = Object.values(change).some((v) => v !== undefined);
  const changing = values.clear === true || values.skip === true || given;
  if (values.clear === true && (given || values.skip === true))
    throw new UsageError('--clear forgets the whole taste: give it alone');
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async ({ service }) => {
    let view = await service.handle('getTaste', undefined);
    if (view.ok && changing) {
      const { taste } = view.value;
      const request: TasteRequest =
        values.clear === true
          ? {}
          : {
              likedGenres: change.likedGenres ?? taste.likedGenres,
              dislikedGenres: change.dislikedGenres ?? taste.dislikedGenres,
              decades: change.decades ?? taste.decades,
              artists: change.artists ?? taste.artists,
              skipped: values.skip === true || (taste.skipped && !given),
            };
      view = await service.handle('setTaste', request);
    }
    if (!view.ok) {
      io.err(`earshot taste: ${view.error.message}\n`);
      return 1;
    }
    print(io, view.value, values.json === true);
    return 0;
  });
}

function print(io: CliIo, view: TasteView, asJson: boolean): void {
  io.out(asJson ? `${JSON.stringify(view.taste, null, 2)}\n` : formatTaste(view.taste));
}
