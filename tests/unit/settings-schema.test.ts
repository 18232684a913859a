import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsJsonSchemaText } from '../../src/settings/json-schema';

describe('docs/settings.schema.json', () => {
  it('is what the zod schema generates today (run "npm run schema" after changing the settings)', () => {
    const checkedIn = readFileSync(resolve(import.meta.dirname, '../../docs/settings.schema.json'), 'utf8');
    expect(checkedIn).toBe(settingsJsonSchemaText());
  });
});
