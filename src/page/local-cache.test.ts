import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLearned, MAX_LEARNED_SPELLINGS, saveLearned } from './local-cache';

const KEY = 'learned-tags:nhentai';

describe('learned spellings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps both of two saves that overlap (each reads what the other wrote)', async () => {
    await Promise.all([
      saveLearned('nhentai', { '1': 'netorare' }),
      saveLearned('nhentai', { '2': 'cheating' }),
    ]);
    expect(await loadLearned('nhentai')).toEqual({ '1': 'netorare', '2': 'cheating' });
  });

  it('past the cap drops the oldest learned, not the lowest ids; one learned again counts as new', async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_LEARNED_SPELLINGS }, (_, i) => [String(100_000 + i), `tag ${i}`]),
    );
    await saveLearned('nhentai', many);
    await saveLearned('nhentai', { '100000': 'tag 0' }); // the oldest, seen again
    await saveLearned('nhentai', { '5': 'low id, newest' });
    const learned = await loadLearned('nhentai');
    expect(Object.keys(learned)).toHaveLength(MAX_LEARNED_SPELLINGS);
    expect(learned['5']).toBe('low id, newest');
    expect(learned['100000']).toBe('tag 0');
    expect(learned['100001']).toBeUndefined(); // the oldest not seen again went first
  });

  it('reads what earlier versions stored (an object), and leaves out what is not a spelling', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: { '7': 'incest', '8': 3 } });
    expect(await loadLearned('nhentai')).toEqual({ '7': 'incest' });
    await fakeBrowser.storage.local.set({ [KEY]: [['9', 'gore'], ['x'], 'junk', ['10', null]] });
    expect(await loadLearned('nhentai')).toEqual({ '9': 'gore' });
    await fakeBrowser.storage.local.set({ [KEY]: 'damaged' });
    expect(await loadLearned('nhentai')).toEqual({});
  });
});
