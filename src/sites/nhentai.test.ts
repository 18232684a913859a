// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, REAL_PAGES_DIR, realPage } from '../../tests/real-pages';
import { compile } from '../rules/compile';
import { TAGS_ONLY } from '../rules/types';
import { nhentaiTagIds } from './dictionaries/nhentai-tag-ids';
import { currentNames, tagIdPairs } from './dictionaries/nhentai-tag-lines';
import { nhentai } from './nhentai';
import { siteForUrl } from './registry';
import { learnInto, readEntry } from './types';

interface ApiTag {
  id: number;
  type: string;
  name: string;
}

describe.skipIf(!HAVE_REAL_PAGES)('nhentai adapter on real pages', () => {
  it('finds every gallery of the listing and reads every tag id', () => {
    const html = realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html');
    const raw = [...html.matchAll(/<div class="gallery" data-tags="([^"]*)"><a href="\/g\/(\d+)\//gu)];
    const entries = [...parseHtml(html).querySelectorAll(nhentai.entrySelector)];
    expect(raw).toHaveLength(25);
    expect(entries).toHaveLength(raw.length);
    entries.forEach((el, i) => {
      const facts = nhentai.read(el);
      expect(facts.id).toBe(raw[i]?.[2]);
      expect(facts.tags.map((t) => t.name)).toEqual(raw[i]?.[1]?.split(' '));
      expect(facts.title).not.toBe('');
      expect(nhentai.read(el, TAGS_ONLY)).toEqual({ ...facts, title: '' });
    });
  });

  it('names the ids it knows as the site’s own JSON API names them', () => {
    const api = JSON.parse(
      readFileSync(join(REAL_PAGES_DIR, 'nhentai', 'nhentai_api_search.json'), 'utf8'),
    ) as {
      result: { tags: ApiTag[] }[];
    };
    const truth = new Map(api.result.flatMap((g) => g.tags.map((t) => [String(t.id), t.name] as const)));
    let checked = 0;
    for (const [id, name] of truth) {
      const known = nhentai.dictionary?.get(id);
      if (known === undefined) continue;
      expect(known, `id ${id}`).toBe(name);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('learns the id a tag page names for itself', () => {
    const learned = nhentai.learnDictionary?.(
      parseHtml(realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html')),
    );
    expect(learned).toMatchObject({ '13989': 'ahegao' });
  });

  it('learns ids from a gallery page', () => {
    const learned = nhentai.learnDictionary?.(parseHtml(realPage('nhentai', 'nhentai_gallery_305392.html')));
    expect(learned).toEqual({
      '27378': 'artbook',
      '6004': 'odawara hakone',
      'ns:6004': 'artist',
      '109391': 'applique',
      'ns:109391': 'group',
      '6346': 'japanese',
      '33173': 'manga',
    });
  });

  it('gives verdicts by name for ids it knows or learned', () => {
    const html = realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html');
    const doc = parseHtml(html);
    // Variation derived from the real page: the second gallery also carries 27378 (artbook).
    const second = doc.querySelectorAll(nhentai.entrySelector)[1];
    second?.setAttribute('data-tags', `${second.getAttribute('data-tags')} 27378`);
    const matcher = compile([
      { id: 'l', name: 'Not English', enabled: true, action: 'hide', patterns: ['english'] },
      { id: 'a', name: 'Art', enabled: true, action: 'blur', patterns: ['artbook'] },
    ]);
    const entries = [...doc.querySelectorAll(nhentai.entrySelector)];
    const english = entries.map((el) => (el.getAttribute('data-tags') ?? '').split(' ').includes('12227'));
    const verdicts = () => entries.map((el) => matcher.judge(readEntry(nhentai, el)).action);
    expect(verdicts()).toEqual(english.map((e) => (e ? 'hide' : null)));
    const dictionary = nhentai.dictionary;
    if (!dictionary) throw new Error('no dictionary');
    learnInto(dictionary, { '27378': 'artbook' });
    expect(verdicts()[1]).toBe(english[1] ? 'hide' : 'blur');
    const reason = matcher
      .judge(readEntry(nhentai, entries[1] as Element))
      .reasons.find((r) => r.listId === 'a');
    expect(reason?.tag).toEqual({ namespace: 'id', name: '27378', canonical: 'artbook' });
    dictionary.delete('27378');
  });
});

describe('nhentai site matching', () => {
  it('runs on nhentai.net', () => {
    expect(siteForUrl('https://nhentai.net/tag/ahegao/')?.id).toBe('nhentai');
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('nhentai gallery page', () => {
  it('reads its tags by row, with namespaces, and skips pages and dates', () => {
    const facts = nhentai.detail?.read(parseHtml(realPage('nhentai', 'nhentai_gallery_305392.html')));
    expect(facts?.tags).toEqual([
      { name: 'artbook' },
      { namespace: 'artist', name: 'odawara hakone' },
      { namespace: 'group', name: 'applique' },
      { namespace: 'language', name: 'japanese' },
      { namespace: 'category', name: 'manga' },
    ]);
    expect(facts?.title).toContain('Tasogare no Sinsemilla');
    expect(nhentai.detail?.isDetailPage(new URL('https://nhentai.net/g/305392/'))).toBe(true);
    expect(nhentai.detail?.isDetailPage(new URL('https://nhentai.net/tag/ahegao/'))).toBe(false);
  });
});

describe('nhentai: the tag names\u2019 lines', () => {
  it('uses the names the background stored for this version only', () => {
    expect(currentNames({ v: '1.2.0', names: '190 maid' }, '1.2.0')).toBe('190 maid');
    expect(currentNames({ v: '1.1.0', names: '190 maid' }, '1.2.0')).toBeUndefined();
    expect(currentNames({ v: '1.2.0', names: 7 }, '1.2.0')).toBeUndefined();
    expect(currentNames(undefined, '1.2.0')).toBeUndefined();
    expect(currentNames('190 maid', '1.2.0')).toBeUndefined();
  });

  it('reads "id name" lines, names with spaces whole, and skips lines without both', () => {
    expect(tagIdPairs('190 maid\n369 cum swap\n\n 12 leading\n13\n14 \n2820 scat')).toEqual({
      '190': 'maid',
      '369': 'cum swap',
      '2820': 'scat',
    });
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('nhentai: every tag-type name, on the real listing', () => {
  it('a rule for each tag-type name on the listing hides exactly the galleries carrying its id', () => {
    const doc = parseHtml(realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html'));
    const entries = [...doc.querySelectorAll(nhentai.entrySelector)];
    const carried = entries.map((el) => new Set((el.getAttribute('data-tags') ?? '').split(' ')));
    const names = nhentaiTagIds();
    expect(Object.keys(names)).toHaveLength(1826);
    const dictionary = nhentai.dictionary;
    if (!dictionary) throw new Error('no dictionary');
    const before = new Map(dictionary);
    learnInto(dictionary, names);
    const onPage = [...new Set(carried.flatMap((ids) => [...ids]))].filter((id) => names[id] !== undefined);
    expect(onPage.length).toBeGreaterThan(100);
    for (const id of onPage) {
      const name = names[id] as string;
      const matcher = compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [name] }]);
      const got = entries.map((el) => matcher.judge(readEntry(nhentai, el)).action);
      expect(got, `${name} (${id})`).toEqual(carried.map((ids) => (ids.has(id) ? 'hide' : null)));
    }
    dictionary.clear();
    for (const [k, v] of before) dictionary.set(k, v);
  });

  it('an artist learned from a gallery page is matched by `artist:` and by its plain name on the listing', () => {
    const doc = parseHtml(realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html'));
    const first = doc.querySelector(nhentai.entrySelector) as Element;
    first.setAttribute('data-tags', `${first.getAttribute('data-tags')} 6004`);
    const dictionary = nhentai.dictionary;
    if (!dictionary) throw new Error('no dictionary');
    learnInto(
      dictionary,
      nhentai.learnDictionary?.(parseHtml(realPage('nhentai', 'nhentai_gallery_305392.html'))) ?? {},
    );
    for (const rule of ['artist:odawara hakone', 'a:odawara hakone', 'odawara hakone']) {
      const matcher = compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]);
      expect(matcher.judge(readEntry(nhentai, first)).action, rule).toBe('hide');
    }
    const wrongKind = compile([
      { id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['group:odawara hakone'] },
    ]);
    expect(wrongKind.judge(readEntry(nhentai, first)).action).toBeNull();
    for (const key of ['6004', 'ns:6004', '109391', 'ns:109391', '27378']) dictionary.delete(key);
  });
});
