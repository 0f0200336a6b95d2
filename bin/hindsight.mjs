#!/usr/bin/env node
// Hindsight needs Node 22.12+ (the project pins Node 24 as a devDependency for npx and npm scripts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`hindsight: Node ${process.versions.node} is too old; run it with Node 22.12 or newer (npx hindsight uses the project's pinned Node 24)\n`);
  process.exit(2);
}
// V8's compile cache (in the system temp folder, or NODE_COMPILE_CACHE) lets every run after the
// first skip compiling Hindsight's modules again: a one-file lint in a pre-commit hook starts in
// about two thirds of the time. NODE_DISABLE_COMPILE_CACHE=1 turns it off; it never fails a run.
const { enableCompileCache } = await import('node:module');
try {
  enableCompileCache?.();
} catch {
  // An unwritable temp folder only costs the speed-up.
}
// Node strips TypeScript types itself, except inside node_modules: there (Hindsight installed as a
// dependency) the tsx loader does it.
if (import.meta.url.includes('/node_modules/')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { setUpV8 } = await import('../src/cli/v8-setup.ts');
setUpV8();
const { main } = await import('../src/cli/main.ts');
await main();
