import { describe, expect, it } from 'vitest';
import { admit, isExtensionPage, refusal, type Sender, senderKind } from './senders';

const self = { id: 'abcdefghijklmnop', base: 'chrome-extension://abcdefghijklmnop/' };

/** As Chromium describes each sender (Firefox gives the same fields but no `origin`). */
const popup: Sender = {
  id: self.id,
  url: 'chrome-extension://abcdefghijklmnop/popup.html?tab=7',
  origin: 'chrome-extension://abcdefghijklmnop',
};
const optionsTab: Sender = {
  id: self.id,
  url: 'chrome-extension://abcdefghijklmnop/options.html#subscriptions',
  origin: 'chrome-extension://abcdefghijklmnop',
  tab: { id: 3 },
  frameId: 0,
};
const contentScript: Sender = {
  id: self.id,
  url: 'https://archiveofourown.org/tags/Netorare/works',
  origin: 'https://archiveofourown.org',
  tab: { id: 7 },
  frameId: 0,
};
const firefoxContentScript: Sender = {
  id: self.id,
  url: 'https://e-hentai.org/',
  tab: { id: 9 },
  frameId: 0,
};

const refresh = { type: 'tagveil:refresh-subscriptions' };

describe('who sent a message', () => {
  it('tells the extension’s pages from its content scripts, which share its id', () => {
    expect(isExtensionPage(popup, self)).toBe(true);
    expect(isExtensionPage(optionsTab, self)).toBe(true);
    expect(isExtensionPage(contentScript, self)).toBe(false);
    expect(isExtensionPage(firefoxContentScript, self)).toBe(false);
    expect(senderKind(contentScript, self)).toBe('content-script');
    expect(senderKind(firefoxContentScript, self)).toBe('content-script');
  });

  it('is not fooled by a page address that merely contains the extension’s', () => {
    const lookalike = { ...contentScript, url: `https://evil.example/?${self.base}` };
    expect(isExtensionPage(lookalike, self)).toBe(false);
    // Another extension's page, or a URL and an origin that disagree.
    expect(isExtensionPage({ ...popup, id: 'other' }, self)).toBe(false);
    expect(isExtensionPage({ ...popup, origin: 'https://archiveofourown.org' }, self)).toBe(false);
    expect(senderKind({ ...contentScript, id: 'other' }, self)).toBe('other');
    expect(senderKind({ id: self.id }, self)).toBe('other');
  });
});

describe('what each sender may ask', () => {
  it('a content script may not refresh subscriptions', () => {
    expect(admit(refresh, contentScript, self)).toEqual({
      kind: 'refused',
      reason: refusal('tagveil:refresh-subscriptions'),
    });
    expect(admit({ ...refresh, listId: 'sub' }, firefoxContentScript, self)).toMatchObject({
      kind: 'refused',
    });
  });

  it('the options page and the popup may', () => {
    expect(admit({ ...refresh, listId: 'sub' }, optionsTab, self)).toEqual({
      kind: 'page',
      request: { ...refresh, listId: 'sub' },
    });
    expect(admit(refresh, popup, self)).toEqual({ kind: 'page', request: refresh });
  });

  it('a content script sets the badge of its own tab only, from its top frame', () => {
    const badge = { type: 'tagveil:badge', count: 4 };
    expect(admit(badge, contentScript, self)).toEqual({
      kind: 'tab',
      request: badge,
      tabId: 7,
      url: contentScript.url,
    });
    expect(admit({ ...badge, tabId: 1 }, contentScript, self)).toMatchObject({ tabId: 7 });
    expect(admit(badge, { ...contentScript, frameId: 2 }, self)).toEqual({ kind: 'ignored' });
    // An extension page has no tab of its own to count.
    expect(admit(badge, popup, self)).toEqual({ kind: 'ignored' });
  });

  it('ignores what does not validate, and anyone else', () => {
    expect(admit({ type: 'tagveil:badge', count: -1 }, contentScript, self)).toEqual({ kind: 'ignored' });
    expect(admit({ type: 'tagveil:badge', count: '5' }, contentScript, self)).toEqual({ kind: 'ignored' });
    expect(admit({ ...refresh, listId: 5 }, optionsTab, self)).toEqual({ kind: 'ignored' });
    expect(admit('tagveil:refresh-subscriptions', optionsTab, self)).toEqual({ kind: 'ignored' });
    expect(admit(refresh, { ...popup, id: 'other' }, self)).toEqual({ kind: 'ignored' });
  });

  it('a content script may ask to hide one entry, by an id that is one entry’s, with its tab’s address', () => {
    const hide = { type: 'tagveil:hide-entry', site: 'ao3', id: '12345' };
    expect(admit(hide, contentScript, self)).toEqual({
      kind: 'tab',
      request: hide,
      tabId: 7,
      url: contentScript.url,
    });
    // A rule of its own choosing does not validate as an id (spaces, a note) and is not an entry at all.
    for (const id of ['1 netorare', '1 # note', '', 'x'.repeat(201)])
      expect(admit({ ...hide, id }, contentScript, self)).toEqual({ kind: 'ignored' });
    for (const asked of [
      { type: 'tagveil:add-rule', listId: 'mine', rule: 'netorare' },
      { type: 'tagveil:hide-entry', site: 'ao3', id: '1', rule: 'netorare', listId: 'mine' },
    ])
      expect(admit(asked, contentScript, self)).not.toMatchObject({ request: { rule: 'netorare' } });
  });
});
