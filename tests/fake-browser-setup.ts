import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Unit tests run outside an extension: the extension APIs are WXT's in-memory fake (storage works).
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
