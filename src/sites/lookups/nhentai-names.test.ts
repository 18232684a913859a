// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage } from '../../../tests/real-pages';
import { compile } from '../../rules/compile';
import { parseRule } from '../../rules/parse';
import { readerOf } from '../../rules/parsed-lines';
import { prepareLines } from '../../rules/regex-verdicts';
import type { RuleList } from '../../rules/types';
import { nhentai } from '../nhentai';
import { readEntry } from '../types';
import { LOOKUP_MIN_INTERVAL_MS, NhentaiNameLookup, namedRules, tagPageUrl } from './nhentai-names';

/** An artist's page, derived from the real tag page: its heading links to itself with its id. */
function artistPage(id: string, name: string): string {
  return realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html').replace(
    '<a href="/tag/ahegao/" class="tag tag-13989 "><span class="name">ahegao</span>',
    `<a href="/artist/${name.replaceAll(' ', '-')}/" class="tag tag-${id} "><span class="name">${name}</span>`,
  );
}

function lists(patterns: string[]): RuleList[] {
  return [{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns }];
}

/** A clock and timers the test moves by hand; the site takes `answerMs` to answer. */
function harness(
  pages: Record<string, { status: number; html: string }>,
  answerMs = 0,
  dictionary = new Map<string, string>(),
) {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const fetched: { url: string; at: number }[] = [];
  const settled: string[] = [];
  const saved: Record<string, string>[] = [];
  const lookup = new NhentaiNameLookup({
    origin: 'https://nhentai.net',
    dictionary,
    now: () => now,
    setTimer: (fn, ms) => timers.push({ at: now + ms, fn }),
    onSettled: (ids) => settled.push(...ids),
    save: (pairs) => saved.push(pairs),
    fetchPage: async (url) => {
      fetched.push({ url, at: now });
      if (answerMs > 0)
        await new Promise<void>((resolve) => timers.push({ at: now + answerMs, fn: resolve }));
      return pages[url] ?? { status: 404, html: '' };
    },
    parse: parseHtml,
  });
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.fn();
      await new Promise((r) => setTimeout(r, 0)); // lets the look-up's promise settle
    }
    now = until;
  };
  return { lookup, dictionary, fetched, settled, saved, advance };
}

describe('rules that name an artist, group, parody or character', () => {
  it('are found in the lists in force, with abbreviations, and nothing else', () => {
    expect(
      namedRules(
        lists(['artist:Odawara Hakone', 'g:applique -artbook', 'netorare', 'tag:x', '-parody:y']),
        'nhentai',
        0,
        parseRule,
      ),
    ).toEqual([
      { kind: 'artist', name: 'odawara hakone' },
      { kind: 'group', name: 'applique' },
    ]);
    expect(
      namedRules([{ ...lists(['artist:a'])[0], enabled: false } as RuleList], 'nhentai', 0, parseRule),
    ).toEqual([]);
    // On the page, lines are read from the snapshot's parses: a line given none names nothing.
    expect(namedRules(lists(['artist:a']), 'nhentai', 0, readerOf())).toEqual([]);
    expect(namedRules(lists(['a:b']), 'nhentai', 0, readerOf(prepareLines(['a:b']).parsed))).toEqual([
      { kind: 'artist', name: 'b' },
    ]);
    expect(tagPageUrl('https://nhentai.net', { kind: 'artist', name: 'odawara hakone' })).toBe(
      'https://nhentai.net/artist/odawara-hakone/',
    );
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('looking a name up on nhentai (opt-in)', () => {
  it('learns the id from the name’s own page, once, and the listing then hides its galleries', async () => {
    const h = harness({
      'https://nhentai.net/artist/foo-bar/': { status: 200, html: artistPage('424242', 'foo bar') },
    });
    h.lookup.configure(lists(['artist:foo bar']), 'nhentai', parseRule);
    expect(h.lookup.unresolved()).toEqual(['artist:foo bar']);
    expect(h.lookup.awaiting('g1')).toBe(true);
    expect(h.lookup.awaiting('g2')).toBe(true);
    await h.advance(10);
    expect(h.fetched.map((f) => f.url)).toEqual(['https://nhentai.net/artist/foo-bar/']);
    expect(h.settled.sort()).toEqual(['g1', 'g2']);
    expect(h.saved).toEqual([{ '424242': 'foo bar', 'ns:424242': 'artist' }]);
    expect(h.lookup.unresolved()).toEqual([]);
    expect(h.lookup.awaiting('g3')).toBe(false);

    // The listing, read with what was learned.
    const doc = parseHtml(realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html'));
    const entry = doc.querySelector(nhentai.entrySelector) as Element;
    entry.setAttribute('data-tags', `${entry.getAttribute('data-tags')} 424242`);
    const shared = nhentai.dictionary as Map<string, string>;
    for (const [k, v] of h.dictionary) shared.set(k, v);
    const matcher = compile(lists(['artist:foo bar']));
    expect(matcher.judge(readEntry(nhentai, entry)).action).toBe('hide');
    for (const k of h.dictionary.keys()) shared.delete(k);
  });

  it('asks one name at a time, a second apart, and does not ask again for a name the site lacks', async () => {
    const h = harness({
      'https://nhentai.net/artist/foo-bar/': { status: 200, html: artistPage('424242', 'foo bar') },
    });
    h.lookup.configure(lists(['artist:nobody here', 'artist:foo bar']), 'nhentai', parseRule);
    expect(h.lookup.awaiting('g1')).toBe(true);
    await h.advance(5_000);
    expect(h.fetched.map((f) => f.url)).toEqual([
      'https://nhentai.net/artist/nobody-here/',
      'https://nhentai.net/artist/foo-bar/',
    ]);
    expect((h.fetched[1]?.at ?? 0) - (h.fetched[0]?.at ?? 0)).toBeGreaterThanOrEqual(LOOKUP_MIN_INTERVAL_MS);
    expect(h.lookup.errors).toEqual(['nhentai has no artist “nobody here”']);
    expect(h.lookup.unresolved()).toEqual(['artist:nobody here']);
    expect(h.lookup.awaiting('g2')).toBe(false);
    await h.advance(5_000);
    expect(h.fetched).toHaveLength(2);
  });

  it('leaves the site a whole interval of quiet after each answer, however slowly it answers', async () => {
    const h = harness({}, 300);
    h.lookup.configure(lists(['artist:one', 'artist:two']), 'nhentai', parseRule);
    h.lookup.awaiting('g1');
    await h.advance(10_000);
    expect(h.fetched).toHaveLength(2);
    expect((h.fetched[1]?.at ?? 0) - (h.fetched[0]?.at ?? 0)).toBeGreaterThanOrEqual(
      LOOKUP_MIN_INTERVAL_MS + 300,
    );
  });

  it('once every name is known or tried, entries no longer look through the dictionary each', async () => {
    /** The dictionary, counting how often it is looked through whole. */
    class Counting extends Map<string, string> {
      walks = 0;
      override [Symbol.iterator]() {
        this.walks++;
        return super[Symbol.iterator]();
      }
    }
    const dictionary = new Counting();
    const h = harness({}, 0, dictionary);
    h.lookup.configure(lists(['artist:nobody']), 'nhentai', parseRule);
    h.lookup.awaiting('g1');
    await h.advance(10_000);
    const walks = dictionary.walks;
    for (let i = 2; i < 100; i++) expect(h.lookup.awaiting(`g${i}`)).toBe(false);
    expect(dictionary.walks - walks).toBeLessThanOrEqual(1);
    // New lists: their names are looked for again.
    h.lookup.configure(lists(['artist:somebody']), 'nhentai', parseRule);
    h.lookup.awaiting('g100');
    await h.advance(10_000);
    expect(h.fetched.map((f) => f.url)).toContain('https://nhentai.net/artist/somebody/');
  });

  it('asks nothing when no rule names an artist, group, parody or character', () => {
    const h = harness({});
    h.lookup.configure(lists(['netorare', 'ahegao']), 'nhentai', parseRule);
    expect(h.lookup.awaiting('g1')).toBe(false);
    expect(h.fetched).toEqual([]);
  });
});
