import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Tagveil',
    description: 'Hide, blur or label catalog entries that carry tags you never want to see.',
    // Only storage: the content script's match patterns (from src/sites) are the only host access needed.
    permissions: ['storage'],
    action: { default_title: 'Tagveil' },
  },
});
