// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage } from '../../tests/real-pages';
import { compile } from '../rules/compile';
import { presetById } from '../rules/presets';
import type { RuleList } from '../rules/types';
import { DLSITE_GENRE_SOURCES, DLSITE_GENRES, genreNames } from './dictionaries/dlsite-genres';
import { dlsite } from './dlsite';
import { siteForUrl } from './registry';
import { learnInto, readEntry } from './types';

const SEARCH = 'fsr-search-keyword_creater-2025-07.html';
const WORK_2025 = 'work-RJ01393393-2025-07.html';
const WORK_2022 = 'work-RJ173248-2022.html';

function list(patterns: readonly string[]): RuleList[] {
  return [{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [...patterns] }];
}

/** The search page's entries with the genre ids their hidden attributes hold (the oracle). */
let searchDoc: Document | undefined;
function searchEntries(): { el: Element; ids: string[] }[] {
  searchDoc ??= parseHtml(realPage('dlsite', SEARCH));
  const doc = searchDoc;
  return [...doc.querySelectorAll(dlsite.entrySelector)].map((el) => ({
    el,
    ids: (el.querySelector('input.__product_attributes')?.getAttribute('value') ?? '')
      .split(',')
      .filter((t) => /^\d+$/u.test(t)),
  }));
}

function verdicts(entries: { el: Element }[], patterns: readonly string[]): (string | null)[] {
  const matcher = compile(list(patterns), { site: 'dlsite' });
  return entries.map(({ el }) => matcher.judge(readEntry(dlsite, el)).action);
}

describe.skipIf(!HAVE_REAL_PAGES)('DLsite search results (grid, real page)', () => {
  it('finds the 100 works and reads each one’s genres from its hidden attributes', () => {
    const entries = searchEntries();
    expect(entries).toHaveLength(100);
    for (const { el, ids } of entries) {
      const facts = dlsite.read(el);
      expect(facts.id).toMatch(/^RJ\d+$/u);
      expect(facts.title).not.toBe('');
      expect(facts.creators.length).toBeGreaterThan(0);
      const expected = ids.flatMap((id) => {
        const names = genreNames(id);
        return names.length > 0
          ? names.map((name) => ({ namespace: 'genre', name }))
          : [{ namespace: 'id', name: id }];
      });
      expect(facts.tags).toEqual(expected);
    }
  });

  it.each([
    ['113', ['レイプ', 'rape', '合意なし']],
    ['134', ['陵辱', '凌辱', '屈辱']],
    ['120', ['近親相姦', '近親もの', 'incest']],
    ['157', ['催眠', 'トランス/暗示', 'hypnosis']],
    ['139', ['痴漢', '秘密さわさわ']],
  ])('blocks genre %s by any of its names, exactly the works carrying it', (id, names) => {
    const entries = searchEntries();
    const expected = entries.map(({ ids }) => (ids.includes(id) ? 'hide' : null));
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    for (const name of names) expect(verdicts(entries, [name]), name).toEqual(expected);
  });

  it('the NTR preset catches every work carrying 寝取られ, 寝取り or 寝取らせ by id alone', () => {
    const entries = searchEntries();
    const ntr = ['048', '302', '529'];
    for (const id of ntr)
      expect(
        entries.some((e) => e.ids.includes(id)),
        id,
      ).toBe(true);
    const preset = presetById('ntr')?.patterns ?? [];
    const caught = verdicts(entries, preset);
    entries.forEach(({ ids }, i) => {
      if (ids.some((id) => ntr.includes(id))) expect(caught[i], ids.join(',')).toBe('hide');
    });
    // Each of the three alone is caught (a work carrying only that genre).
    const matcher = compile(list(preset));
    for (const id of ntr) {
      const doc = parseHtml(
        `<li class="search_result_img_box_inner"><input class="__product_attributes" value="RG1,adl,${id}"></li>`,
      );
      const entry = doc.querySelector(dlsite.entrySelector) as Element;
      expect(matcher.judge(readEntry(dlsite, entry)).action, id).toBe('hide');
    }
  });

  it('the non-consent preset catches 合意なし, 屈辱 and 回し by their ids', () => {
    const matcher = compile(list(presetById('noncon')?.patterns ?? []));
    for (const id of ['113', '134', '121', '115', '114']) {
      const doc = parseHtml(
        `<li class="search_result_img_box_inner"><input class="__product_attributes" value="RG1,adl,${id}"></li>`,
      );
      const entry = doc.querySelector(dlsite.entrySelector) as Element;
      expect(matcher.judge(readEntry(dlsite, entry)).action, id).toBe('hide');
    }
  });

  it('learns the names the page’s own filter data gives ids the dictionary lacks, and uses them', () => {
    const doc = parseHtml(realPage('dlsite', SEARCH));
    const learned = dlsite.learnDictionary?.(doc) ?? {};
    expect(learned).toMatchObject({ '129': '妊娠/孕ませ', '219': '人妻', '162': '触手' });
    expect(learned['048']).toBeUndefined(); // the bundled dictionary already names it
    const dictionary = dlsite.dictionary;
    if (!dictionary) throw new Error('no dictionary');
    learnInto(dictionary, learned);
    const entries = searchEntries();
    const expected = entries.map(({ ids }) => (ids.includes('129') ? 'hide' : null));
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    expect(verdicts(entries, ['妊娠/孕ませ'])).toEqual(expected);
    dictionary.clear();
  });

  it('finds the next page in the pager', () => {
    const next = dlsite.nextPage?.(parseHtml(realPage('dlsite', SEARCH)));
    expect(next).toContain('/page/2/');
  });

  it('reads a list-view row (genre links) like a grid card (hidden ids)', () => {
    // A list-view row, derived from the first grid card: its genres as links, as list view shows them.
    const [first] = searchEntries();
    if (!first) throw new Error('no entry');
    const links = first.ids
      .map(
        (id) =>
          `<a href="https://www.dlsite.com/maniax/fsr/=/genre/${id}/from/work.genre">${genreNames(id)[0] ?? `g${id}`}</a>`,
      )
      .join('');
    const doc = parseHtml(
      `<table class="work_1col_table"><tbody><tr data-list_item_product_id="RJ01392175"><td><dd class="work_genre">${links}</dd></td></tr></tbody></table>`,
    );
    const row = doc.querySelector(dlsite.entrySelector) as Element;
    const facts = dlsite.read(row);
    expect(facts.id).toBe('RJ01392175');
    expect(facts.tags.filter((t) => t.namespace === 'genre').length).toBeGreaterThanOrEqual(first.ids.length);
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('DLsite work page (real pages before and after the renames)', () => {
  it('reads the genres of the 2025 page, with their old names', () => {
    const doc = parseHtml(realPage('dlsite', WORK_2025));
    const facts = dlsite.detail?.read(doc);
    const names = facts?.tags.map((t) => t.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['逆レ', '逆レイプ', '淫語', '中出し', '長身']));
    expect(facts?.title).toContain('長乳高身長ギャルズ');
    expect(facts?.creators.length).toBeGreaterThan(0);
  });

  it('a rule with the old name matches the new page, and the new name the old page', () => {
    const page2025 = dlsite.detail?.read(parseHtml(realPage('dlsite', WORK_2025)));
    const page2022 = dlsite.detail?.read(parseHtml(realPage('dlsite', WORK_2022)));
    if (!page2025 || !page2022) throw new Error('not read');
    expect(compile(list(['逆レイプ'])).judge(page2025).action).toBe('hide');
    expect(compile(list(['逆レ'])).judge(page2022).action).toBe('hide');
    expect(compile(list(['reverse rape'])).judge(page2022).action).toBe('hide');
    // Review genres on the 2022 page are reviewers' words, not the work's genres.
    expect(page2022.tags.some((t) => t.name.includes('（'))).toBe(false);
  });

  it('knows a work page from a list', () => {
    const isDetail = (u: string) => dlsite.detail?.isDetailPage(new URL(u));
    expect(isDetail('https://www.dlsite.com/maniax/work/=/product_id/RJ01393393.html')).toBe(true);
    expect(isDetail('https://www.dlsite.com/books/work/=/product_id/BJ123456.html')).toBe(true);
    expect(isDetail('https://www.dlsite.com/maniax/fsr/=/keyword/x')).toBe(false);
    expect(isDetail('https://www.dlsite.com/maniax/circle/profile/=/maker_id/RG42566.html')).toBe(false);
  });
});

describe('DLsite genre dictionary', () => {
  it('gives every id a current name and a source, and no name to two ids', () => {
    expect(Object.keys(DLSITE_GENRE_SOURCES).sort()).toEqual(Object.keys(DLSITE_GENRES).sort());
    const owner = new Map<string, string>();
    for (const [id, genre] of Object.entries(DLSITE_GENRES)) {
      expect(id).toMatch(/^\d{3}$/u);
      expect(DLSITE_GENRE_SOURCES[id] ?? '').not.toBe('');
      for (const name of [genre.current, ...genre.also]) {
        expect(owner.get(name) ?? id, `${name} in ${id} and ${owner.get(name)}`).toBe(id);
        owner.set(name, id);
      }
    }
  });

  it('runs on every floor of www.dlsite.com', () => {
    for (const floor of ['maniax', 'girls', 'bl', 'books', 'pro', 'home']) {
      expect(siteForUrl(`https://www.dlsite.com/${floor}/fsr/=/keyword/x`)?.id).toBe('dlsite');
    }
  });
});
