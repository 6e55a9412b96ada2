import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { openStore } from '../../main/core/store/store.ts';
import { fakeWithLibrary } from '../core/spotify/account/account-fixtures.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { captureIo } from '../helpers/capture-io.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function envFor(fake: FakeSpotify): NodeJS.ProcessEnv {
  return {
    EARSHOT_SPOTIFY_API_URL: fake.apiUrl,
    EARSHOT_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
    EARSHOT_KEYRING: 'none',
  };
}

/** Runs `earshot login`, playing the browser once the command prints Spotify's page. */
async function loginThroughBrowser(fake: FakeSpotify, db: string) {
  const captured = captureIo(envFor(fake));
  let printed: (url: string) => void = () => undefined;
  const page = new Promise<string>((resolve) => (printed = resolve));
  const io = {
    ...captured,
    out: (text: string) => {
      captured.out(text);
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)$/m.exec(text)?.[1];
      if (url !== undefined) printed(url);
    },
  };
  const running = main(['login', '--db', db, '--no-open', '--client-id', fake.clientId], io);
  const url = await Promise.race([page, running.then(() => undefined)]);
  if (url !== undefined) await fetch(url, { redirect: 'follow' });
  return { code: await running, io: captured };
}

describe('earshot login and logout', () => {
  it('signs in through the browser, shows who is signed in, imports the listening, and signs out', async () => {
    const fake = await fakeWithLibrary();
    const db = join(makeTempDir(), 'e.db');
    const { code, io } = await loginThroughBrowser(fake, db);
    expect(code).toBe(0);
    expect(io.stdout()).toContain('Signed in to Spotify as Ada Lovelace.');
    const tokenFile = join(dirname(db), 'spotify-account.json');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const stored = readFileSync(tokenFile, 'utf8');
    for (const printed of [io.stdout(), io.stderr()])
      for (const token of stored.match(/(BQu|AQr)[\w-]{20,}/g) ?? [])
        expect(printed).not.toContain(token);

    const status = captureIo(envFor(fake));
    expect(await main(['login', '--status', '--db', db], status)).toBe(0);
    expect(status.stdout()).toMatch(
      /Signed in to Spotify as Ada Lovelace \(fake-listener\); the sign-in is kept in .*not encrypted/,
    );

    const imported = captureIo(envFor(fake));
    expect(await main(['login', '--import', '--db', db], imported)).toBe(0);
    expect(imported.stdout()).toContain(
      'Read 15 top tracks, 6 saved songs, 3 recent plays and 5 songs of 1 own playlists.',
    );
    const store = openStore(db);
    expect(store.tracks.list().filter((t) => t.source === 'spotify')).toHaveLength(17);
    store.close();

    const out = captureIo(envFor(fake));
    expect(await main(['logout', '--db', db], out)).toBe(0);
    expect(out.stdout()).toContain('Signed out of Spotify (Ada Lovelace)');
    expect(out.stdout()).toContain('https://www.spotify.com/account/apps/');
    expect(existsSync(tokenFile)).toBe(false);
    const after = captureIo(envFor(fake));
    expect(await main(['login', '--status', '--db', db], after)).toBe(1);
    expect(after.stdout()).toBe('Not signed in to Spotify.\n');
  });

  it('exits 1 with the reason and nothing stored when the listener declines', async () => {
    const fake = await fakeWithLibrary();
    fake.account.consent = 'deny';
    const db = join(makeTempDir(), 'e.db');
    const { code, io } = await loginThroughBrowser(fake, db);
    expect(code).toBe(1);
    expect(io.stderr()).toMatch(/declined the sign-in.*Sign in again/);
    expect(io.stderr()).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(dirname(db), 'spotify-account.json'))).toBe(false);
  });

  it('asks for a client id when none is given or saved', async () => {
    const fake = await fakeWithLibrary();
    const io = captureIo(envFor(fake));
    expect(await main(['login', '--db', join(makeTempDir(), 'e.db'), '--no-open'], io)).toBe(1);
    expect(io.stderr()).toMatch(/needs your Spotify app's client id/);
  });
});
