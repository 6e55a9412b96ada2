import { CatalogFileError } from '../core/catalog/catalog-file.ts';
import { ExportError } from '../core/export/export-error.ts';
import { ImportError } from '../core/ratings/import/import-error.ts';
import { StoreError } from '../core/store/store-error.ts';
import { ListenError } from '../web/listen.ts';
import type { CliIo } from './cli-io.ts';
import { processIo, UsageError } from './cli-io.ts';
import { commands } from './command-list.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'earshot — a personal music recommender',
    '',
    'Usage: earshot <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The database is --db PATH, else $EARSHOT_DB, else earshot.db in the per-user data folder.',
    "Run `earshot <command> --help` for a command's options.",
    '',
  ].join('\n');
}

/** Errors that are the user's situation, not a bug: shown as one clear message, exit code 1. */
function isExpected(error: unknown): error is Error {
  return (
    error instanceof StoreError ||
    error instanceof ImportError ||
    error instanceof CatalogFileError ||
    error instanceof ExportError ||
    error instanceof ListenError
  );
}

/** What to do about an expected problem, when the message alone does not say. */
function hintFor(error: Error): string {
  if (error instanceof StoreError && error.code === 'missing')
    return ' `earshot pipeline` (or import-ratings, serve, recommend) creates one; check --db.';
  if (error instanceof StoreError && error.code === 'no-folder')
    return ' Check --db (or EARSHOT_DB), or create the folder first.';
  return '';
}

/** Runs `earshot <argv…>` and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`earshot: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    const { run } = await command.load();
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`earshot ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (isExpected(error)) {
      io.err(`earshot ${name}: ${error.message}${hintFor(error)}\n`);
      return 1;
    }
    throw error;
  }
}
