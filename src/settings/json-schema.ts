import * as z from 'zod/mini';
import { SETTINGS_VERSION } from './migrations';
import { SettingsFileSchema } from './transfer';

/** The settings file's JSON Schema (docs/settings.schema.json), generated from the zod schema Import uses. */
function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SettingsFileSchema, {
    target: 'draft-2020-12',
    // The file as written: fields with defaults may be left out.
    io: 'input',
    // The checks zod runs in code (unique list ids) have no JSON Schema form; the schema says them in words.
    unrepresentable: 'any',
  });
  return {
    $id: 'https://tagveil.dev/settings.schema.json',
    title: `Tagveil settings file, version ${SETTINGS_VERSION}`,
    description:
      'What Export writes and Import reads. Either "settings" (everything) or "lists" (some lists). List ids must be unique. Older versions are migrated on import.',
    ...schema,
  };
}

export function settingsJsonSchemaText(): string {
  return `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`;
}
