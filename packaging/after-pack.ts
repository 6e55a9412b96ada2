/**
 * electron-builder's afterPack hook (electron-builder.yml): sets the Electron fuses of the
 * packed binary before anything signs it. See electron-fuses.ts for which and why.
 */
import { flipFuses } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { earshotFuses, electronBinaryPath } from './electron-fuses.ts';

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const platform = context.electronPlatformName;
  const { packager } = context;
  const productFilename = packager.appInfo.productFilename;
  // Only the Linux packager has its own executable name (linux.executableName).
  const executableName =
    'executableName' in packager && typeof packager.executableName === 'string'
      ? packager.executableName
      : productFilename;
  const binary = electronBinaryPath({
    platform,
    appOutDir: context.appOutDir,
    productFilename,
    executableName,
  });
  await flipFuses(binary, earshotFuses(platform));
}
