// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '@/src/settings/schema';
import { exportSettings, planImport, readSettingsFile } from '@/src/settings/transfer';
import { refreshGranted, sitesSection } from './sites';

const site = (host: string) => ({
  id: `custom-${host.replace('.', '-')}`,
  name: host,
  origin: `https://${host}`,
  entrySelector: 'article',
  tagSelector: '.tag',
});

/** The browser's grants, as permissions.getAll gives them. */
function granted(...origins: string[]) {
  // The fake browser has no permissions API; the page's `browser` is that fake (this file's own copy).
  Object.assign(fakeBrowser, { permissions: { getAll: vi.fn(async () => ({ origins, permissions: [] })) } });
}

async function draw(settings: Settings): Promise<HTMLElement> {
  await refreshGranted();
  const root = document.getElementById('root') as HTMLElement;
  render(h('div', {}, sitesSection(settings)), root);
  return root;
}

const rowOf = (root: HTMLElement, host: string) =>
  [...root.querySelectorAll('#custom-sites li')].find((li) => li.textContent?.includes(host));

describe('the options page’s sites you added', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
  });

  it('a site that came with an import (merged) shows it waits for permission, with Allow', async () => {
    const file = exportSettings({ ...defaultSettings(), customSites: [site('catalog.example')] });
    const read = readSettingsFile(file);
    if (!read.ok) throw new Error('unreadable');
    const mine = { ...defaultSettings(), customSites: [site('gallery.example')] };
    const { result } = planImport(mine, read.incoming, 'merge');
    granted('https://gallery.example/*');
    const root = await draw(result);
    const waiting = rowOf(root, 'catalog.example');
    expect(waiting?.textContent).toContain('catalog.example: waiting for permission to run there');
    expect([...(waiting?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toContain('Allow');
    // The site the user allowed before says nothing of the kind.
    expect(rowOf(root, 'gallery.example')?.textContent).not.toContain('waiting');
  });

  it('keeps what the user typed into the site form when the page draws again', async () => {
    granted();
    const root = await draw(defaultSettings());
    const origin = root.querySelector<HTMLInputElement>('#custom-site-form input[name="origin"]');
    if (!origin) throw new Error('no origin field');
    origin.value = 'https://typed.example';
    await draw({ ...defaultSettings(), badge: false });
    expect(root.querySelector<HTMLInputElement>('#custom-site-form input[name="origin"]')?.value).toBe(
      'https://typed.example',
    );
  });
});

describe('the options page gives back origins it no longer needs', () => {
  it('after a save that removes a site or a subscription, not one something else still uses', async () => {
    const { saveSettings } = await import('@/src/settings/store');
    const { save } = await import('./shared');
    const remove = vi.fn(async () => true);
    Object.assign(fakeBrowser, { permissions: { remove } });
    const start = { ...defaultSettings(), customSites: [site('catalog.example'), site('gallery.example')] };
    start.lists.push({
      id: 'sub',
      name: 'Shared',
      enabled: true,
      action: 'hide',
      patterns: [],
      source: { url: 'https://gallery.example/ntr.txt' },
    });
    await saveSettings(start);
    // The gallery's site goes, its subscription stays: its origin is still used.
    await save('sites', (s) => {
      s.customSites = s.customSites.filter((c) => c.origin !== 'https://gallery.example');
    });
    expect(remove).not.toHaveBeenCalled();
    // The subscription goes too: now it is given back; then the other site.
    await save('lists', (s) => {
      s.lists = s.lists.filter((l) => l.id !== 'sub');
    });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://gallery.example/*'] });
    await save('sites', (s) => {
      s.customSites = [];
    });
    expect(remove).toHaveBeenLastCalledWith({ origins: ['https://catalog.example/*'] });
    expect(remove).toHaveBeenCalledTimes(2);
  });
});
