// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defaultSettings } from '../settings/schema';
import { saveSettings } from '../settings/store';
import { ao3 } from '../sites/ao3';
import { CONTEXT_OPTIONS, runCatalog } from './runtime';
import { EFFECTS_CSS, MARK_ATTR, SEEN_ATTR } from './styles';

function page(...freeforms: string[][]): HTMLOListElement {
  const ol = document.createElement('ol');
  ol.className = 'work index group';
  freeforms.forEach((tags, i) => {
    const li = document.createElement('li');
    li.className = 'work blurb group';
    li.id = `work_${i}`;
    const ul = document.createElement('ul');
    ul.className = 'tags';
    for (const tag of tags) {
      const item = document.createElement('li');
      item.className = 'freeforms';
      const a = document.createElement('a');
      a.className = 'tag';
      a.textContent = tag;
      item.append(a);
      ul.append(item);
    }
    li.append(ul);
    ol.append(li);
  });
  document.body.append(ol);
  return ol;
}

const effectStyles = () =>
  [...document.querySelectorAll('style')].filter((s) => s.textContent === EFFECTS_CSS);
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('runCatalog lifetime', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    await saveSettings(settings);
  });
  afterEach(() => {
    document.body.replaceChildren();
    for (const s of document.querySelectorAll('style')) s.remove();
  });

  it('a second start on the same page (an update, a double injection) leaves one working instance', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const first = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    runCatalog(first, ao3);
    await settled();
    // The newer script's context invalidates the older one, which cleans up before the newer starts.
    const second = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    expect(first.isInvalid).toBe(true);
    runCatalog(second, ao3);
    // Started again in the same context: refused.
    runCatalog(second, ao3);
    await settled();
    expect(effectStyles()).toHaveLength(1);
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe('hide');
    expect(ol.querySelectorAll('tagveil-veil')).toHaveLength(0);
    second.notifyInvalidated();
  });

  it('when its context ends, every mark, style and listener goes with it', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const ctx = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    runCatalog(ctx, ao3);
    await settled();
    expect(ol.querySelectorAll(`[${SEEN_ATTR}]`)).toHaveLength(2);
    ctx.notifyInvalidated();
    expect(effectStyles()).toHaveLength(0);
    expect(ol.querySelectorAll(`[${SEEN_ATTR}], [${MARK_ATTR}]`)).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-tagveil-running')).toBe(false);
    // A new instance can start afterwards (an extension update).
    const next = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    runCatalog(next, ao3);
    await settled();
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe('hide');
    next.notifyInvalidated();
  });

  it('re-judges the page when settings change, without reload', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const ctx = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    runCatalog(ctx, ao3);
    await settled();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('fluff');
    await saveSettings(settings);
    await settled();
    expect([...ol.children].map((el) => el.getAttribute(MARK_ATTR))).toEqual([null, 'hide']);
    ctx.notifyInvalidated();
  });

  it('judges nothing again when a change leaves the rules as they were (the badge, another site)', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    let reads = 0;
    const counting = {
      ...ao3,
      read: (...args: Parameters<typeof ao3.read>) => {
        reads++;
        return ao3.read(...args);
      },
    };
    const ctx = new ContentScriptContext('catalog', CONTEXT_OPTIONS);
    runCatalog(ctx, counting);
    await settled();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    const before = reads;
    await saveSettings({ ...settings, badge: false, sites: { 'e-hentai': false } });
    await settled();
    expect(reads).toBe(before);
    // A rule added: judged again.
    settings.lists[0]?.patterns.push('fluff');
    await saveSettings(settings);
    await settled();
    expect(reads).toBe(before + 2);
    expect([...ol.children].map((el) => el.getAttribute(MARK_ATTR))).toEqual(['hide', 'hide']);
    ctx.notifyInvalidated();
  });
});
