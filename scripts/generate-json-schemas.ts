/** Regenerate schemas/*.schema.json from the zod schemas (`npm run schemas`). */
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../schemas/json-schema.ts';
import { writeFileAtomic } from '../src/core/atomic-write.ts';

for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  const file = fileURLToPath(new URL(`../schemas/${name}`, import.meta.url));
  writeFileAtomic(file, text);
  process.stdout.write(`wrote schemas/${name}\n`);
}
