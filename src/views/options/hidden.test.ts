// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '@/src/settings/schema';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { hiddenSection } from './hidden';
import { setRenderer } from './shared';

const root = () => document.getElementById('root') as HTMLElement;

/** The section drawn from the stored settings, drawn again after each of its saves (as the page does). */
async function draw(): Promise<void> {
  const { settings } = await loadSettings();
  render(h('div', {}, hiddenSection(settings)), root());
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  await draw();
};

const click = async (label: string) => {
  const button = [...root().querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === label || b.textContent === label,
  );
  if (!button) throw new Error(`no button ${label}`);
  button.click();
  await flush();
};

const patternsOf = async (id: string) =>
  (await loadSettings()).settings.lists.find((l) => l.id === id)?.patterns;

describe('the options page’s "Hidden entries"', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    document.body.innerHTML = '<div id="root"></div>';
    setRenderer(() => void draw());
    const settings: Settings = {
      ...defaultSettings(),
      customSites: [
        {
          id: 'custom-catalog-example',
          name: 'Catalog',
          origin: 'https://catalog.example',
          entrySelector: '.item',
          tagSelector: '.tag',
        },
      ],
    };
    settings.lists.push(
      {
        id: 'hidden-one-by-one',
        name: 'Hidden entries',
        enabled: true,
        action: 'hide',
        patterns: [
          'entry:ao3/12345 # A Long Fic',
          'entry:nhentai/177013',
          'entry:custom-catalog-example//items/7',
        ],
      },
      { id: 'mine', name: 'Mine', enabled: true, action: 'blur', patterns: ['netorare', 'entry:e621/42'] },
    );
    await saveSettings(settings);
    await draw();
  });

  it('lists every entry hidden by its id in words, its title first where known, never as raw rules', () => {
    const rows = [...root().querySelectorAll('#hidden-entries li')].map((li) => li.firstChild?.textContent);
    expect(rows).toEqual([
      'A Long Fic — the AO3 work 12345',
      'the nhentai gallery 177013',
      'the Catalog entry /items/7',
      'the e621 post 42 (list “Mine”)',
    ]);
    expect(root().textContent).not.toContain('entry:');
  });

  it('Show again takes one entry back, and Undo puts it back where it was', async () => {
    await click('Show again: “A Long Fic” (the AO3 work 12345)');
    expect(await patternsOf('hidden-one-by-one')).toEqual([
      'entry:nhentai/177013',
      'entry:custom-catalog-example//items/7',
    ]);
    expect(root().querySelector('#notice-hidden')?.textContent).toBe(
      '“A Long Fic” (the AO3 work 12345) is shown again.Undo',
    );
    await click('Undo');
    expect(await patternsOf('hidden-one-by-one')).toContain('entry:ao3/12345 # A Long Fic');
    expect(root().querySelectorAll('#hidden-entries li')).toHaveLength(4);
  });

  it('says when nothing is hidden one by one', async () => {
    await saveSettings(defaultSettings());
    await draw();
    expect(root().querySelector('#hidden-none')?.textContent).toBe('Nothing is hidden one by one yet.');
  });
});
