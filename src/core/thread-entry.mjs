// Worker thread entry (src/core/thread-pool.ts): loads the module the main thread names. Node strips
// TypeScript types itself, except inside node_modules (Hindsight installed as a dependency), where
// the tsx loader does it, as in bin/hindsight.mjs.
import { workerData } from 'node:worker_threads';

if (import.meta.url.includes('/node_modules/')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
