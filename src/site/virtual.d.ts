/** The project config and directory, provided to pages and the content config by the Hindsight integration. */
declare module 'virtual:hindsight/config' {
  const config: import('../../schemas/config.ts').Config;
  export default config;
  /** The project directory whose content is published. */
  export const projectRoot: string;
}
