/** The incidents collection: every postmortem in the configured content folder, read by Hindsight's core. */
import { defineCollection } from 'astro:content';
import { projectRoot } from 'virtual:hindsight/config';
import { incidentLoader } from './site/loader.ts';

export const collections = {
  // Drafts are shown while writing (`astro dev`) and left out of `astro build`.
  incidents: defineCollection({ loader: incidentLoader({ root: projectRoot }) }),
};
