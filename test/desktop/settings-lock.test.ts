import { afterEach, describe, expect, it } from 'vitest';
import { interactiveBusyTimeoutMs } from '../../main/core/store/busy.ts';
import { openStore } from '../../main/core/store/store.ts';
import { CredentialVault } from '../../main/desktop/credentials.ts';
import type { SecretStorage } from '../../main/desktop/credentials.ts';
import { createSettingsService } from '../../main/desktop/settings.ts';
import { helperPath, startChild } from '../helpers/child-process.ts';
import type { Child } from '../helpers/child-process.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';

/** Reversible, not secret: this test is about locks, not encryption (settings.test.ts is). */
const mirror: SecretStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (text) => Promise.resolve(Buffer.from(text).reverse()),
  decryptStringAsync: (data) =>
    Promise.resolve({ result: Buffer.from(data).reverse().toString(), shouldReEncrypt: false }),
};

let holder: Child | undefined;
afterEach(() => {
  holder?.process.kill('SIGKILL');
  holder = undefined;
});

describe('Settings saved while another process holds the write lock', () => {
  it('are saved once the lock is released, the window never blocked meanwhile', async () => {
    const path = tempDbPath();
    const store = openStore(path);
    store.setBusyTimeout(interactiveBusyTimeoutMs);
    const settings = createSettingsService({
      store,
      vault: new CredentialVault(store.settings, mirror),
    });
    try {
      holder = startChild(helperPath('lock-holder.ts'), [path]);
      await holder.waitFor('locked');
      let settled = false;
      const saved = settings
        .handle('setSpotifySources', { sources: ['search:genre:jazz'] })
        .finally(() => (settled = true));
      expect((await settings.handle('getSettings', undefined)).ok).toBe(true);
      expect(settled).toBe(false);
      holder.process.stdin.write('go\n');
      await holder.waitFor('released');
      expect(await saved).toEqual({ ok: true, value: { sources: ['search:genre:jazz'] } });
      expect(settings.spotifySources()).toEqual(['search:genre:jazz']);
    } finally {
      store.close();
    }
  });
});
