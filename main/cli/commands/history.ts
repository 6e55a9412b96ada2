import type { CliIo } from '../cli-io.ts';
import type { PickSetChanges, PickSetSummary, PickSetView } from '../../core/contract/index.ts';
import { plural } from '../../core/plural.ts';
import { dbOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withEarshot } from '../command.ts';
import { formatRecommendation } from './recommend.ts';

const starGlyphs = (stars: number) => '★'.repeat(Math.round(stars));

/** "2025-06-01 14:03", in the terminal's time zone. */
function when(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** "after you rated Heroes ★★★★★, Imagine ★★★★ and 3 more; hid Creep" (empty: nothing new). */
export function describeChanges(changes: PickSetChanges): string {
  const parts: string[] = [];
  const more = (shown: number, total: number) =>
    total > shown ? ` and ${plural(total - shown, 'more', 'more')}` : '';
  if (changes.ratedCount > 0) {
    const rated = changes.rated.map((r) => `${r.track.title} ${starGlyphs(r.stars)}`).join(', ');
    parts.push(`after you rated ${rated}${more(changes.rated.length, changes.ratedCount)}`);
  }
  if (changes.hiddenCount > 0) {
    const hidden = changes.hidden.map((t) => t.title).join(', ');
    parts.push(`not interested in ${hidden}${more(changes.hidden.length, changes.hiddenCount)}`);
  }
  if (changes.removed > 0)
    parts.push(`after Start over removed ${plural(changes.removed, 'rating')}`);
  return parts.join('; ');
}

function headline(set: PickSetSummary): string {
  const changes = describeChanges(set.changes);
  return `made ${when(set.madeAt)} from ${plural(set.ratingCount, 'rating')}${changes === '' ? '' : `, ${changes}`}`;
}

function formatList(sets: readonly PickSetSummary[], total: number): string {
  if (total === 0) return 'No picks yet: rate a few songs (`earshot recommend`) first.\n';
  const lines = sets.map(
    (set) => `  #${set.id}  ${headline(set)}\n      ${set.picks.map((t) => t.title).join(' · ')}`,
  );
  const cut = total > sets.length ? ` (the newest ${sets.length})` : '';
  return `Your past picks, ${plural(total, 'set')}${cut}:\n${lines.join('\n')}\nReopen one with \`earshot history ID\`.\n`;
}

function formatSet(set: PickSetView): string {
  const stars = new Map(set.yourStars.map((s) => [s.trackId, s.stars]));
  const picks = set.recommendations.map((r, i) => {
    const given = stars.get(r.track.id);
    const since = given === undefined ? '' : `\n     you rated it ${starGlyphs(given)} since`;
    return `${formatRecommendation(r, i + 1)}${since}`;
  });
  return `Picks #${set.id}, ${headline(set)}:\n${picks.join('\n')}\n`;
}

/** Runs `earshot history [ID] [--json]`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...dbOption, json: { type: 'boolean' } },
    true,
  );
  if (positionals.length > 1) throw new UsageError('give at most one set ID');
  const id = positionals[0] === undefined ? undefined : Number(positionals[0]);
  if (id !== undefined && !(Number.isInteger(id) && id >= 1))
    throw new UsageError(`ID must be a whole number from 1, got "${positionals[0]}"`);
  const asJson = values.json === true;
  return withEarshot(values.db, io, 'existing', { retrainOnChange: false }, async ({ service }) => {
    const answer =
      id === undefined
        ? await service.handle('pickSets', { limit: 1000 })
        : await service.handle('pickSet', { id });
    if (!answer.ok) {
      io.err(`earshot history: ${answer.error.message}\n`);
      return 1;
    }
    if (asJson) io.out(`${JSON.stringify(answer.value, null, 2)}\n`);
    else if ('recommendations' in answer.value) io.out(formatSet(answer.value));
    else io.out(formatList(answer.value.sets, answer.value.total));
    return 0;
  });
}
