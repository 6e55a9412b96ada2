import { describe, expect, it } from 'vitest';
import { HistoryImportState } from '../../renderer/src/lib/state/history-import.svelte.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const file = (name: string, text: string) => ({ name, text: () => Promise.resolve(text) });

describe('HistoryImportState', () => {
  it('reads the picked files, sends them as one import and shows what matched', async () => {
    const earshot = new FakeEarshot();
    const history = new HistoryImportState(earshot.api);
    const imported = await history.importFiles([
      file('a.csv', 'Queen,,Bohemian Rhapsody,01 Jan 2024 10:00\n'),
      file('b.csv', 'Queen,,Innuendo,02 Jan 2024 10:00\nQueen,,Innuendo,03 Jan 2024 10:00\n'),
    ]);
    expect(imported).toBe(true);
    expect(history.phase).toBe('done');
    expect(history.result).toMatchObject({ plays: 3, tracks: 3 });
    expect(earshot.callsTo('importHistory')).toEqual([
      {
        files: [
          { name: 'a.csv', text: 'Queen,,Bohemian Rhapsody,01 Jan 2024 10:00\n' },
          {
            name: 'b.csv',
            text: 'Queen,,Innuendo,02 Jan 2024 10:00\nQueen,,Innuendo,03 Jan 2024 10:00\n',
          },
        ],
      },
    ]);
  });

  it('shows a refusal as it came, and asks for files when none were picked', async () => {
    const earshot = new FakeEarshot();
    const history = new HistoryImportState(earshot.api);
    expect(await history.importFiles([])).toBe(false);
    expect(history.error).toBe('Choose one or more history files first.');
    expect(earshot.callsTo('importHistory')).toEqual([]);
    expect(await history.importFiles([file('empty.csv', '\n')])).toBe(false);
    expect(history.error).toBe('empty.csv: no music plays to import.');
    expect(history.phase).toBe('idle');
    expect(history.result).toBeNull();
  });

  it('says so when a file cannot be read, without calling Earshot', async () => {
    const earshot = new FakeEarshot();
    const history = new HistoryImportState(earshot.api);
    const unreadable = {
      name: 'gone.json',
      text: () => Promise.reject(new Error('NotFoundError')),
    };
    expect(await history.importFiles([unreadable])).toBe(false);
    expect(history.error).toBe('The files could not be read.');
    expect(earshot.callsTo('importHistory')).toEqual([]);
  });
});
