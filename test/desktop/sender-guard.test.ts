import { describe, expect, it } from 'vitest';
import { createSenderCheck } from '../../main/desktop/sender-guard.ts';

const appPageUrl = 'file:///home/me/earshot/out/renderer/index.html';
const appContents = { name: 'app window' };
const otherContents = { name: 'some other web contents' };
const isTrusted = createSenderCheck({
  appPageUrl,
  isAppWindow: (contents: object) => contents === appContents,
});

describe('createSenderCheck', () => {
  it("trusts the top frame of the app's window showing the app's page", () => {
    expect(isTrusted({ sender: appContents, senderFrame: { url: appPageUrl, parent: null } })).toBe(
      true,
    );
  });

  it('does not trust senders outside a known app window', () => {
    expect(
      isTrusted({ sender: otherContents, senderFrame: { url: appPageUrl, parent: null } }),
    ).toBe(false);
  });

  it('does not trust a subframe, even with the right URL', () => {
    expect(isTrusted({ sender: appContents, senderFrame: { url: appPageUrl, parent: {} } })).toBe(
      false,
    );
  });

  it('does not trust a frame showing another page', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'about:blank', 'data:,x'])
      expect(isTrusted({ sender: appContents, senderFrame: { url, parent: null } })).toBe(false);
  });

  it('does not trust a frame that is already gone', () => {
    expect(isTrusted({ sender: appContents, senderFrame: null })).toBe(false);
  });
});
