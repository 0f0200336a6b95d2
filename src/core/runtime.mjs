// What Hindsight needs before it loads its TypeScript: plain JavaScript, so it runs first.
import { enableCompileCache } from 'node:module';

/**
 * Node strips TypeScript types itself, except inside node_modules: there (Hindsight installed as a
 * dependency) the tsx loader does it.
 */
export async function loadTypeScript() {
  if (import.meta.url.includes('/node_modules/')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
}

/**
 * For the command and its worker threads, which own their process: TypeScript as above, and V8's
 * compile cache (in the system temp folder, or NODE_COMPILE_CACHE), which lets every run after the
 * first skip compiling Hindsight's modules again: a one-file lint in a pre-commit hook starts in
 * about two thirds of the time. NODE_DISABLE_COMPILE_CACHE=1 turns it off; it never fails a run.
 */
export async function prepareRuntime() {
  try {
    enableCompileCache?.();
  } catch {
    // An unwritable temp folder only costs the speed-up.
  }
  await loadTypeScript();
}
