import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const ENGLISH = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

// The browser reads the locale files; the fake reads the English one, as a browser set to English would.
fakeBrowser.i18n.getMessage = ((name: string) =>
  ENGLISH[name]?.message ?? '') as typeof fakeBrowser.i18n.getMessage;

// Unit tests run outside an extension: the extension APIs are WXT's in-memory fake (storage works).
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
