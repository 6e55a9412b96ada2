import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';

/**
 * The Electron fuses the packaged app is built with: switches compiled into the binary that no
 * command line, environment variable or script can turn back.
 *
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 Earshot` cannot turn the signed app into a Node
 *   interpreter that runs any script with the app's identity and keychain access.
 * - Cookie encryption on: Chromium's cookie store is encrypted with the OS keychain.
 * - NODE_OPTIONS and --inspect off: no `--require` of foreign code, no debugger port.
 * - Embedded asar integrity on, and the app only from its asar: a modified app.asar is refused
 *   (on macOS and Windows, where Electron checks it).
 * - file:// keeps its extra privileges: the window's page is a file:// page.
 */
export function earshotFuses(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature of an arm64 macOS binary.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
  };
}

export interface PackedApp {
  /** `electronPlatformName` of electron-builder's pack context: darwin, mas, win32, linux. */
  readonly platform: string;
  readonly appOutDir: string;
  /** `appInfo.productFilename` (Earshot). */
  readonly productFilename: string;
  /** The Linux executable's name (`linux.executableName`: earshot). */
  readonly executableName: string;
}

/** Where the packed Electron binary is: what `flipFuses` is given (a .app bundle on macOS). */
export function electronBinaryPath(app: PackedApp): string {
  switch (app.platform) {
    case 'darwin':
    case 'mas':
      return join(app.appOutDir, `${app.productFilename}.app`);
    case 'win32':
      return join(app.appOutDir, `${app.productFilename}.exe`);
    case 'linux':
      return join(app.appOutDir, app.executableName);
    default:
      throw new RangeError(`no Electron binary layout known for platform "${app.platform}"`);
  }
}
