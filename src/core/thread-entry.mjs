// Worker thread entry (src/core/thread-pool.ts): loads the module the main thread names. Node strips
// TypeScript types itself, except inside node_modules (Hindsight installed as a dependency), where
// the tsx loader does it, as in bin/hindsight.mjs.
import { enableCompileCache } from 'node:module';
import { workerData } from 'node:worker_threads';

// The compile cache the command uses (bin/hindsight.mjs) serves its workers too.
try {
  enableCompileCache?.();
} catch {
  // Only the speed-up is lost.
}

if (import.meta.url.includes('/node_modules/')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
