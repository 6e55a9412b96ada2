#!/usr/bin/env node
// The `earshot` command. It runs the TypeScript sources directly, which Node does natively
// from 22.18 on (type stripping), so there is no build step between `npm ci` and `npx earshot`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `earshot needs Node.js 22.18 or newer (Node 24 LTS recommended); this is ${process.version}.\n`,
  );
  process.exit(1);
}
// Node keeps each module as stripped and compiled between runs (in the OS's temp folder, checked
// against the source), which halves the start of every command. NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
