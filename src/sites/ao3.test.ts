// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decodeEntities, HAVE_REAL_PAGES, parseHtml, realPage, realPages } from '../../tests/real-pages';
import { compile } from '../rules/compile';
import { ao3 } from './ao3';
import { siteForUrl } from './registry';

const decode = (html: string) => decodeEntities(html).replace(/\s+/gu, ' ').trim();

/** The page's own markup, read with regular expressions rather than the adapter's selectors. */
function rawBlurbs(html: string): { id: string; tagTexts: Set<string>; rating: string }[] {
  const starts = [...html.matchAll(/<li id="([a-z]+_\d+)" class="[^"]*\bblurb\b/gu)];
  return starts.map((m, i) => {
    const end = starts[i + 1]?.index ?? html.length;
    const chunk = html.slice(m.index, end);
    const tagTexts = new Set(
      [...chunk.matchAll(/<a class="tag" href="[^"]*">([^<]*)<\/a>/gu)].map((t) =>
        decode(t[1] ?? '').replace(/ - (?:Freeform|Character|Relationship|Fandom)$/u, ''),
      ),
    );
    const rating = decode(/<span class="rating-[a-z-]+ rating" title="([^"]*)"/u.exec(chunk)?.[1] ?? '');
    return { id: m[1] ?? '', tagTexts, rating };
  });
}

describe.skipIf(!HAVE_REAL_PAGES)('AO3 adapter on real pages', () => {
  const files = realPages('ao3');

  it('has pages to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('finds every blurb and reads every tag of %s', (file) => {
    const html = realPage('ao3', file);
    const doc = parseHtml(html);
    const raw = rawBlurbs(html);
    const entries = [...doc.querySelectorAll(ao3.entrySelector)];
    expect(raw.length).toBe(20);
    expect(entries.length).toBe(raw.length);
    entries.forEach((el, i) => {
      const facts = ao3.read(el);
      const expected = raw[i];
      expect(facts.id).toBe(expected?.id);
      expect(facts.title).not.toBe('');
      expect(facts.creators.length).toBeGreaterThan(0);
      const linkTags = facts.tags.filter((t) => t.namespace !== 'rating' && t.namespace !== 'category');
      expect(new Set(linkTags.map((t) => t.name))).toEqual(expected?.tagTexts);
      expect(facts.tags).toContainEqual({ namespace: 'rating', name: expected?.rating });
      for (const tag of facts.tags) {
        expect([
          'fandom',
          'rating',
          'warning',
          'category',
          'relationship',
          'character',
          'freeform',
        ]).toContain(tag.namespace);
      }
    });
  });

  it('types tags by the list they appear in', () => {
    const doc = parseHtml(realPage('ao3', 'tag_works_Dysphoria.html'));
    const first = doc.querySelector(ao3.entrySelector);
    if (!first) throw new Error('no blurb');
    const facts = ao3.read(first);
    expect(facts.title).toBe('Woke Up As A Prince');
    expect(facts.creators).toEqual(['FeralScribe']);
    expect(facts.tags).toEqual(
      expect.arrayContaining([
        { namespace: 'fandom', name: 'For a Horse and Horseman (Webcomic)' },
        { namespace: 'rating', name: 'Mature' },
        { namespace: 'warning', name: 'No Archive Warnings Apply' },
        { namespace: 'category', name: 'M/M' },
        { namespace: 'relationship', name: 'Şehzade Cemil/Osmund Haldebard' },
        { namespace: 'character', name: 'Osmund Haldebard' },
        { namespace: 'freeform', name: 'Body Swap' },
        { namespace: 'freeform', name: 'trickster spirits' },
      ]),
    );
  });

  it('gives the expected verdicts for a fixed blocklist', () => {
    const doc = parseHtml(realPage('ao3', 'tag_works_Dysphoria.html'));
    // Variation derived from the real page: the third blurb also carries "Netorare".
    const third = doc.querySelectorAll(ao3.entrySelector)[2];
    const freeforms = third?.querySelector('ul.tags');
    const li = doc.createElement('li');
    li.className = 'freeforms';
    const a = doc.createElement('a');
    a.className = 'tag';
    a.textContent = 'Netorare';
    li.append(a);
    freeforms?.append(li);

    const matcher = compile([
      {
        id: 'ntr',
        name: 'NTR & cheating',
        enabled: true,
        action: 'blur',
        patterns: ['netorare', 'cheating'],
      },
      { id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: ['freeform:body swap'] },
    ]);
    const verdicts = [...doc.querySelectorAll(ao3.entrySelector)].map(
      (el) => matcher.judge(ao3.read(el)).action,
    );
    expect(verdicts[0]).toBe('hide');
    expect(verdicts[2]).toBe('blur');
    expect(verdicts.filter((v) => v === 'blur')).toHaveLength(1);
  });
});

describe.skipIf(!HAVE_REAL_PAGES)('AO3 adapter reading only what rules need', () => {
  it.each(HAVE_REAL_PAGES ? realPages('ao3') : [])(
    'reads the same id and tags without the title and authors in %s',
    (file) => {
      const doc = parseHtml(realPage('ao3', file));
      for (const el of doc.querySelectorAll(ao3.entrySelector)) {
        const all = ao3.read(el);
        const tagsOnly = ao3.read(el, { title: false, creators: false });
        expect(tagsOnly).toEqual({ id: all.id, tags: all.tags, title: '', creators: [] });
        expect(ao3.read(el, { title: true, creators: false }).title).toBe(all.title);
        expect(ao3.read(el, { title: false, creators: true }).creators).toEqual(all.creators);
      }
    },
  );

  it('still reads the title link for the id of a blurb without one', () => {
    const doc = parseHtml(realPage('ao3', 'tag_works_Dysphoria.html'));
    const first = doc.querySelector(ao3.entrySelector);
    if (!first) throw new Error('no blurb');
    first.removeAttribute('id');
    expect(ao3.read(first, { title: false, creators: false }).id).toBe('/works/67356937');
  });
});

describe('AO3 site matching', () => {
  it('runs on archiveofourown.org and nowhere else', () => {
    expect(siteForUrl('https://archiveofourown.org/tags/Netorare/works')?.id).toBe('ao3');
    expect(siteForUrl('https://www.archiveofourown.org/works')?.id).toBe('ao3');
    expect(siteForUrl('https://example.org/works')).toBeUndefined();
  });
});

describe('AO3 work page (synthetic, in the site’s markup)', () => {
  it('reads the work’s tags by kind, its title and author', async () => {
    const { ao3WorkPage } = await import('../../tests/detail-pages');
    const doc = parseHtml(
      ao3WorkPage({
        rating: ['Explicit'],
        warning: ['No Archive Warnings Apply'],
        freeform: ['Netorare', 'Angst - Freeform'],
      }),
    );
    expect(ao3.detail?.read(doc)).toMatchObject({
      tags: [
        { namespace: 'rating', name: 'Explicit' },
        { namespace: 'warning', name: 'No Archive Warnings Apply' },
        { namespace: 'freeform', name: 'Netorare' },
        { namespace: 'freeform', name: 'Angst' },
      ],
      title: 'A Work',
      creators: ['someone'],
    });
    expect(ao3.detail?.isDetailPage(new URL('https://archiveofourown.org/works/123/chapters/4'))).toBe(true);
    expect(ao3.detail?.isDetailPage(new URL('https://archiveofourown.org/tags/X/works'))).toBe(false);
  });
});
