import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ehentai } from '../../src/sites/ehentai';
import { hitomi } from '../../src/sites/hitomi';
import { mangadex } from '../../src/sites/mangadex';
import { pixiv } from '../../src/sites/pixiv';
import { allMatchPatterns } from '../../src/sites/registry';

const ROOT = resolve(import.meta.dirname, '../..');
/** A site's parts a content script imports in Chromium (docs/architecture.md); Firefox's scripts carry them. */
const PARTS = [
  'page-facts.js',
  'nhentai-tags.js',
  'nhentai-lookup.js',
  'mangadex-tags.js',
  'ehentai-lookup.js',
  'hitomi-lookup.js',
  'mangadex-lookup.js',
];
const allow = JSON.parse(readFileSync(join(ROOT, 'release-permissions.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;

function manifest(build: string): Record<string, unknown> {
  const path = join(ROOT, '.output', build, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: npm test builds it ("npm run build:all")`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe.each(BUILDS)('the %s manifest asks for least privilege', (build) => {
  const m = manifest(build);

  it.each(['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'])(
    '%s are all in the allowlist, each with a reason',
    (key) => {
      const asked = (m[key] as string[] | undefined) ?? [];
      const allowed = allow[key] ?? {};
      for (const permission of asked) {
        expect(Object.keys(allowed), `${key}: "${permission}" is not in release-permissions.json`).toContain(
          permission,
        );
        expect(allowed[permission]?.length, `${key}: "${permission}" needs a reason`).toBeGreaterThan(20);
      }
    },
  );

  it('runs its content script only on the built-in catalog sites', () => {
    const scripts = m.content_scripts as { matches: string[] }[];
    // The page-data reader (main world) runs beside the catalog script on the same sites: count each once.
    const matches = [...new Set(scripts.flatMap((s) => s.matches))].sort();
    expect(matches).toEqual([...allMatchPatterns()].sort());
    for (const pattern of matches)
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/u);
  });

  it('loads no remote code and opens no page to the web', () => {
    const csp = JSON.stringify(m.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|https?:/u);
    expect(m.externally_connectable).toBeUndefined();
  });

  it("exposes only the page UI, the page-data reader, nhentai's and MangaDex's tag names and the look-ups, only to the sites that import them, and only at a per-session address (Chromium)", () => {
    // Chromium's content scripts import them (src/page/ui-loader.ts): the page UI when a page first needs
    // a veil, the page's data and nhentai's and MangaDex's names as a page starts, a site's look-up when completion first needs it.
    // Firefox's carry them all.
    if (build === 'firefox-mv3') {
      expect(m.web_accessible_resources).toBeUndefined();
      for (const file of PARTS) expect(existsSync(join(ROOT, '.output', build, file)), file).toBe(false);
      return;
    }
    expect(m.web_accessible_resources).toEqual([
      { resources: ['page-ui.js'], matches: allMatchPatterns(), use_dynamic_url: true },
      { resources: ['nhentai-tags.js'], matches: ['https://nhentai.net/*'], use_dynamic_url: true },
      { resources: ['nhentai-lookup.js'], matches: ['https://nhentai.net/*'], use_dynamic_url: true },
      { resources: ['mangadex-tags.js'], matches: ['https://mangadex.org/*'], use_dynamic_url: true },
      {
        resources: ['page-facts.js'],
        matches: [...pixiv.matches, ...hitomi.matches, ...mangadex.matches],
        use_dynamic_url: true,
      },
      ...[ehentai, hitomi, mangadex].map((site) => ({
        resources: [`${site.id}-lookup.js`],
        matches: site.matches,
        use_dynamic_url: true,
      })),
    ]);
    for (const file of ['page-ui.js', ...PARTS]) {
      const text = readFileSync(join(ROOT, '.output', build, file), 'utf8');
      // Code and the site's public names only: no setting, list or message of the user's (those stay in
      // storage); a look-up reads and writes only its own cache of completed tags in storage.local.
      const userData = file.endsWith('-lookup.js')
        ? /storage\.sync|settings-snapshot/u
        : /storage\.(local|sync)|settings-snapshot/u;
      expect(text, file).not.toMatch(userData);
    }
  });
});

describe('the Firefox manifest', () => {
  it('declares its id, a minimum version and that it collects no data', () => {
    const gecko = (manifest('firefox-mv3').browser_specific_settings as { gecko: Record<string, unknown> })
      .gecko;
    expect(gecko.id).toMatch(/@/u);
    expect(Number.parseInt(String(gecko.strict_min_version), 10)).toBeGreaterThanOrEqual(128);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
