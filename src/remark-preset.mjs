// The Hindsight remark preset, loadable by remark-cli and editors (see remark-preset.ts).
// The preset runs in its host's process (remark-cli, an editor): it loads TypeScript and leaves the host's settings alone.
import { loadTypeScript } from './core/runtime.mjs';

await loadTypeScript();
const { default: preset, hindsightPreset } = await import('./remark-preset.ts');
export { hindsightPreset };
export default preset;
