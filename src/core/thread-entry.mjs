// Worker thread entry (src/core/thread-pool.ts): loads the module the main thread names, after the
// same preparation as the command (bin/hindsight.mjs): compile cache, and types stripped.
import { workerData } from 'node:worker_threads';
import { prepareRuntime } from './runtime.mjs';

await prepareRuntime();
await import(workerData.module);
