import { describe, expect, it } from 'vitest';
import { originsToGiveBack } from './origins';
import { defaultSettings, type Settings } from './schema';

function settings(sites: string[], subscriptions: string[]): Settings {
  const s = defaultSettings();
  s.customSites = sites.map((origin, i) => ({
    id: `custom-${i}`,
    name: origin,
    origin,
    entrySelector: '.entry',
    tagSelector: '.tag',
  }));
  for (const [i, url] of subscriptions.entries())
    s.lists.push({ id: `sub-${i}`, name: url, enabled: true, action: 'hide', patterns: [], source: { url } });
  return s;
}

describe('origins given back', () => {
  it('are those a change stopped using: a site removed, a subscription gone', () => {
    const before = settings(['https://a.example', 'https://b.example'], ['https://lists.example/ntr.txt']);
    expect(originsToGiveBack(before, settings(['https://a.example'], []))).toEqual([
      'https://b.example/*',
      'https://lists.example/*',
    ]);
    expect(originsToGiveBack(before, before)).toEqual([]);
  });

  it('keep an origin something else still uses (a site and a subscription on one host)', () => {
    const before = settings(['https://a.example'], ['https://a.example/list.txt', 'https://c.example/x']);
    expect(originsToGiveBack(before, settings([], ['https://a.example/list.txt']))).toEqual([
      'https://c.example/*',
    ]);
    // Added, not removed: nothing given back.
    expect(originsToGiveBack(settings([], []), before)).toEqual([]);
  });
});
