import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { noEvalInZod, noInnerHtmlInPreact } from './scripts/vite-no-eval';
import { ehentai } from './src/sites/ehentai';
import { hitomi } from './src/sites/hitomi';
import { mangadex } from './src/sites/mangadex';
import { nhentai } from './src/sites/nhentai';
import { allMatchPatterns, SITES } from './src/sites/registry';

/** Firefox: the add-on id and the oldest version with every API used here. */
const GECKO = {
  id: 'tagveil@tagveil.dev',
  strict_min_version: '140.0',
  // Tagveil collects nothing; Firefox asks extensions to say so in the manifest.
  data_collection_permissions: { required: ['none'] },
};

/** Firefox for Android reads data_collection_permissions from 142 on. */
const GECKO_ANDROID = { strict_min_version: '142.0' };

/**
 * End-to-end tests only (npm run build:granted): origins granted at install. Chromium's permission prompt
 * cannot be answered under automation, so the test build has the sites that tests "add" already granted;
 * everything else is the release code. The release build never sets this (tests/release checks it).
 */
const TEST_GRANTED = (process.env.TAGVEIL_TEST_GRANTED ?? '').split(',').filter(Boolean);

/** `wxt/browser` resolved to the polyfill (what the @wxt-dev/webextension-polyfill module does for every build). */
function polyfillBrowser(): Plugin {
  return {
    name: 'tagveil:polyfill-browser',
    enforce: 'pre',
    resolveId(id, importer) {
      return id === 'wxt/browser' ? this.resolve('@wxt-dev/webextension-polyfill/browser', importer) : null;
    },
  };
}

/**
 * What WXT's wrapper of a content script does, without its logger (silent in a release build, yet
 * ~200 bytes of every page's script) and without the async function around `main`: the plugins set up,
 * then `main(ctx)` with Tagveil's context. A failure in `main` is the script's own uncaught error, as
 * WXT's rethrow made it. `entry` is the import of the script's own module, as WXT's wrapper has it.
 */
const contentScriptWrapper = (entry: string) => `${entry}
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { initPlugins } from "virtual:wxt-plugins";
initPlugins();
const { main, ...options } = definition;
export default main(new ContentScriptContext(import.meta.env.ENTRYPOINT, options));
`;

/**
 * The SHA-256 of WXT's own wrapper (wxt/dist/virtual/content-script-isolated-world-entrypoint.mjs) that
 * `contentScriptWrapper` was written from: a WXT whose wrapper does anything more or else fails the
 * build until the lean one is looked at again.
 */
const WXT_WRAPPER_SHA256 = '64311093e01eb66c4a92b80022c069020b0dad08adbb7609fbe7af47c775d136';
const USER_ENTRY = 'virtual:user-content-script-isolated-world-entrypoint';

/**
 * `wxt/utils/content-script-context` resolved to Tagveil's own, smaller context (src/page/context.ts),
 * and WXT's wrapper to the leaner one above, which builds that context and hands it to `main(ctx)`.
 */
function ownContentScriptContext(): Plugin {
  const context = fileURLToPath(new URL('./src/page/context.ts', import.meta.url));
  return {
    name: 'tagveil:content-script-context',
    enforce: 'pre',
    resolveId(id) {
      return id === 'wxt/utils/content-script-context' ? context : null;
    },
    transform(code, id) {
      if (!id.includes('virtual:wxt-content-script-isolated-world-entrypoint')) return null;
      // WXT wrote the script's own module into its wrapper's first import; the rest must be as it was.
      const entry = /^import definition from "([^"]+)";$/m.exec(code);
      const wxtOwn = entry ? code.replace(entry[1] ?? '', USER_ENTRY) : '';
      if (!entry || createHash('sha256').update(wxtOwn).digest('hex') !== WXT_WRAPPER_SHA256) {
        throw new Error("WXT's content script wrapper changed: review contentScriptWrapper (wxt.config.ts)");
      }
      return { code: contentScriptWrapper(entry[0]), map: null };
    },
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  outDir: process.env.TAGVEIL_OUT_DIR ?? '.output',
  hooks: {
    // webextension-polyfill for the extension's pages and background, not for content scripts: they run
    // on every page of a supported site and use only promise APIs both browsers have (storage,
    // runtime.sendMessage; onMessage answers through sendResponse), so `wxt/browser` is the browser's own.
    // Content scripts get Tagveil's own context instead of WXT's (1.4 kB less on every page).
    'vite:build:extendConfig': (entrypoints, config) => {
      // The files a content script imports run in its world too (the page UI, the page's data, nhentai's
      // and MangaDex's names, a look-up).
      const contentScripts = entrypoints.every(
        (e) =>
          e.type === 'content-script' ||
          /^(page-ui|page-facts|nhentai-tags|mangadex-tags|[a-z0-9]+-lookup)$/u.test(e.name),
      );
      const plugin = contentScripts ? ownContentScriptContext() : polyfillBrowser();
      config.plugins = [...(config.plugins ?? []), plugin];
    },
  },
  vite: () => ({
    plugins: [noEvalInZod(), noInnerHtmlInPreact()],
    // Source maps on request only (TAGVEIL_SOURCEMAP=1): to see what each module adds to a content script.
    ...(process.env.TAGVEIL_SOURCEMAP ? { build: { sourcemap: true } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // None of these shows an install warning. The content script's match patterns (src/sites) are the
    // only host access; a subscription or a site the user adds asks for its one origin at that moment.
    permissions: ['storage', 'contextMenus', 'alarms', 'scripting', 'activeTab'],
    optional_host_permissions: ['https://*/*'],
    ...(TEST_GRANTED.length > 0 ? { host_permissions: TEST_GRANTED } : {}),
    action: { default_title: '__MSG_extName__' },
    // The page UI (veils, a work page's warning, the refill bar), imported by the built-in sites' content
    // scripts when a page first needs it (src/page/ui-loader.ts): reachable from those sites only, and in
    // Chromium only at the session's random address, so no page can probe for Tagveil by it.
    // (Firefox: part of each script instead, src/page/ui-loader.ts.)
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            { resources: ['page-ui.js'], matches: allMatchPatterns(), use_dynamic_url: true },
            // nhentai's tag names, imported by its script as a page starts (entrypoints/nhentai-tags.ts).
            { resources: ['nhentai-tags.js'], matches: nhentai.matches, use_dynamic_url: true },
            // nhentai's name look-up, asked for as its page starts without holding the first pass.
            { resources: ['nhentai-lookup.js'], matches: nhentai.matches, use_dynamic_url: true },
            // MangaDex's tag names, likewise (entrypoints/mangadex-tags.ts).
            { resources: ['mangadex-tags.js'], matches: mangadex.matches, use_dynamic_url: true },
            // The reader of the page's own data, imported by those sites' scripts as a page starts.
            {
              resources: ['page-facts.js'],
              matches: SITES.filter((site) => site.pageData).flatMap((site) => site.matches),
              use_dynamic_url: true,
            },
            // A site's opt-in look-up, imported by its script when completion first needs it
            // (entrypoints/<site>-lookup.ts, src/page/lookup-loader.ts).
            ...[ehentai, hitomi, mangadex].map((site) => ({
              resources: [`${site.id}-lookup.js`],
              matches: site.matches,
              use_dynamic_url: true,
            })),
          ],
        }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } }
      : {}),
  }),
  zip: {
    // What AMO needs to rebuild the add-on, and nothing else.
    excludeSources: [
      'tests/**',
      'bench/**',
      'demo/**',
      'docs/images/**',
      '.ci/**',
      '.demo-out/**',
      '.output/**',
      '.output-granted/**',
    ],
  },
});
