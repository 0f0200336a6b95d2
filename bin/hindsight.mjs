#!/usr/bin/env node
// Hindsight needs Node 22.12+ (the project pins Node 24 as a devDependency for npx and npm scripts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`hindsight: Node ${process.versions.node} is too old; run it with Node 22.12 or newer (npx hindsight uses the project's pinned Node 24)\n`);
  process.exit(2);
}
const { prepareRuntime } = await import('../src/core/runtime.mjs');
await prepareRuntime();
const { setUpV8 } = await import('../src/cli/v8-setup.ts');
setUpV8();
const { main } = await import('../src/cli/main.ts');
await main();
