// Worker thread entry for `hindsight lint`: lints the batches of files the main thread sends.
// Node strips TypeScript types itself, except inside node_modules (Hindsight installed as a
// dependency), where the tsx loader does it, as in bin/hindsight.mjs.
if (import.meta.url.includes('/node_modules/')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./worker-main.ts');
