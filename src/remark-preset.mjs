// The Hindsight remark preset, loadable by remark-cli and editors (see remark-preset.ts).
// Node strips TypeScript types itself, except inside node_modules, where the tsx loader does it.
if (import.meta.url.includes('/node_modules/')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { default: preset, hindsightPreset } = await import('./remark-preset.ts');
export { hindsightPreset };
export default preset;
