// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decodeEntities, HAVE_REAL_PAGES, parseHtml, realPage } from '../../tests/real-pages';
import { compile } from '../rules/compile';
import { TAGS_ONLY } from '../rules/types';
import { ehentai } from './ehentai';
import { siteForUrl } from './registry';

/** The page's own markup, read with regular expressions: gallery ids in order, and the tag titles of each. */
function rawRows(html: string): { id: string; tags: string[]; title: string }[] {
  const starts = [
    ...html.matchAll(
      /<(?:tr|div class="gl1t")[^>]*>(?:(?!<\/tr>|<div class="gl1t").)*?href="https:\/\/e-hentai\.org\/g\/(\d+)\/([0-9a-f]+)\//gsu,
    ),
  ];
  return starts.map((m, i) => {
    const chunk = html.slice(m.index, starts[i + 1]?.index ?? html.length);
    return {
      id: `${m[1]}/${m[2]}`,
      // Misc tags have an empty namespace in the site's markup (title=":artbook").
      tags: [...chunk.matchAll(/class="gt[lw]?"[^>]*? title="([^"]*)"/gu)].map((t) =>
        decodeEntities(t[1] ?? '').replace(/^:/u, 'undefined:'),
      ),
      title: decodeEntities(/class="(?:glink|gl4t glname)">([^<]*)</u.exec(chunk)?.[1] ?? '')
        .replace(/\s+/gu, ' ')
        .trim(),
    };
  });
}

const MODES = [
  ['compact', 'seven332_list_ECompat.html'],
  ['extended', 'seven332_list_EExtended.html'],
  ['thumbnail', 'seven332_list_EThumbnail.html'],
  ['minimal', 'seven332_list_EMinimal.html'],
  ['minimal+', 'seven332_list_EMinimalPlus.html'],
  ['compact, 2021', 'sxj_ehentai_compact_2021.html'],
] as const;

describe.skipIf(!HAVE_REAL_PAGES)('E-Hentai adapter on real pages', () => {
  it.each(MODES)('%s mode: every gallery found, every tag read with its namespace', (_, file) => {
    const html = realPage('ehentai', file);
    const raw = rawRows(html);
    const entries = [...parseHtml(html).querySelectorAll(ehentai.entrySelector)];
    expect(raw.length).toBe(25);
    expect(entries.length).toBe(raw.length);
    entries.forEach((el, i) => {
      const facts = ehentai.read(el);
      const expected = raw[i];
      expect(facts.id).toBe(expected?.id);
      expect(facts.title).toBe(expected?.title);
      const tags = facts.tags
        .filter((t) => t.namespace !== 'category')
        .map((t) => `${t.namespace}:${t.name}`);
      expect(tags).toEqual(expected?.tags);
      expect(facts.tags.filter((t) => t.namespace === 'category')).toHaveLength(1);
    });
  });

  it.each(MODES)('%s mode: the same id and tags without the title and uploader', (_, file) => {
    for (const el of parseHtml(realPage('ehentai', file)).querySelectorAll(ehentai.entrySelector)) {
      const all = ehentai.read(el);
      expect(ehentai.read(el, TAGS_ONLY)).toEqual({ id: all.id, tags: all.tags, title: '', creators: [] });
    }
  });

  it('reads the full tag from the title even where the text is abbreviated', () => {
    const doc = parseHtml(realPage('ehentai', 'seven332_list_ECompat.html'));
    const abbreviated = [...doc.querySelectorAll('.gt')].find((el) => el.textContent === 'f:glasses');
    const entry = abbreviated?.closest(ehentai.entrySelector);
    if (!entry) throw new Error('no abbreviated tag on the page');
    expect(ehentai.read(entry).tags).toContainEqual({ namespace: 'female', name: 'glasses' });
  });

  it('reads uploader and category', () => {
    const doc = parseHtml(realPage('ehentai', 'seven332_list_ECompat.html'));
    const first = doc.querySelector(ehentai.entrySelector);
    if (!first) throw new Error('no row');
    const facts = ehentai.read(first);
    expect(facts.creators).toEqual(['maverih345456']);
    expect(facts.tags).toContainEqual({ namespace: 'category', name: 'Non-H' });
  });

  it('gives the expected verdicts for a fixed blocklist, on a row derived from the real page', () => {
    const html = realPage('ehentai', 'sxj_ehentai_compact_2021.html');
    const doc = parseHtml(html);
    const rows = [...doc.querySelectorAll(ehentai.entrySelector)];
    const alreadyNtr = rawRows(html).flatMap((row, i) => (row.tags.includes('female:netorare') ? [i] : []));
    expect(alreadyNtr).toHaveLength(1);
    expect(alreadyNtr).not.toContain(2);
    // Variation: row 3 also carries female:netorare, written the way the site writes a tag.
    const third = rows[2]?.querySelector('.glname a > div:last-child');
    const tag = doc.createElement('div');
    tag.className = 'gt';
    tag.title = 'female:netorare';
    tag.textContent = 'f:netorare';
    third?.append(tag);
    const matcher = compile([
      { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] },
      { id: 'lang', name: 'Lang', enabled: true, action: 'label', patterns: ['language:spanish'] },
    ]);
    const verdicts = rows.map((row) => matcher.judge(ehentai.read(row)).action);
    expect(verdicts[2]).toBe('hide');
    expect(verdicts.flatMap((v, i) => (v === 'hide' ? [i] : []))).toEqual(
      [...alreadyNtr, 2].sort((a, b) => a - b),
    );
    expect(verdicts[0]).toBe('label');
  });
});

describe('E-Hentai site matching', () => {
  it('runs on e-hentai.org and exhentai.org', () => {
    expect(siteForUrl('https://e-hentai.org/?f_search=netorare')?.id).toBe('ehentai');
    expect(siteForUrl('https://exhentai.org/watched')?.id).toBe('ehentai');
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('E-Hentai gallery page', () => {
  it('reads every tag of #taglist with its namespace, the title and the uploader', () => {
    const html = realPage('ehentai', 'sxj_ehentai_gallery_detail_2023.html');
    const raw = [...html.matchAll(/<div id="td_([^"]+)"/gu)].map((m) => (m[1] ?? '').replaceAll('_', ' '));
    const facts = ehentai.detail?.read(parseHtml(html));
    expect(raw.length).toBeGreaterThan(5);
    expect(
      facts?.tags
        .filter((t) => t.namespace !== 'category')
        .map((t) => (t.namespace ? `${t.namespace}:${t.name}` : t.name)),
    ).toEqual(raw);
    expect(facts?.tags).toContainEqual({ namespace: 'parody', name: 'dead or alive' });
    expect(facts?.title).toContain('AkiyamaRyo');
    expect(ehentai.detail?.isDetailPage(new URL('https://e-hentai.org/g/1/abc/'))).toBe(true);
    expect(ehentai.detail?.isDetailPage(new URL('https://e-hentai.org/?f_search=x'))).toBe(false);
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('E-Hentai’s namespace words (EhViewer and the site’s search)', () => {
  const rows = [
    ...parseHtml(realPage('ehentai', 'seven332_list_EExtended.html')).querySelectorAll(ehentai.entrySelector),
  ];
  const hidden = (rule: string) => {
    const matcher = compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]);
    return rows.filter((row) => matcher.judge(ehentai.read(row)).action === 'hide').length;
  };

  it.each([
    ['lang:chinese', 'language:chinese'],
    ['char:"flandre scarlet"', 'character:flandre scarlet'],
    ['circle:sakimiya', 'group:sakimiya'],
    ['series:touhou project', 'parody:touhou project'],
    ['misc:truck-kun', 'truck-kun'],
    ['misc:multi-work series', 'multi-work series'],
    ['series:touhou*', 'parody:touhou*'],
  ])('%s hides what %s hides', (word, canonical) => {
    expect(hidden(word)).toBeGreaterThan(0);
    expect(hidden(word)).toBe(hidden(canonical));
  });

  it('misc: is only the tags shown without a namespace', () => {
    expect(hidden('misc:translated')).toBe(0);
    expect(hidden('translated')).toBeGreaterThan(0);
  });
});
