/** `npm run schema`: writes docs/settings.schema.json from the zod schema (a test checks it is up to date). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { settingsJsonSchemaText } from '../src/settings/json-schema';

const out = resolve(import.meta.dirname, '../docs/settings.schema.json');
writeFileSync(out, settingsJsonSchemaText());
console.log(`wrote ${out}`);
