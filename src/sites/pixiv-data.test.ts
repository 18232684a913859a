// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage } from '../../tests/real-pages';
import { PageDataMessageSchema } from '../../tests/unit/page-data-schemas';
import { compile } from '../rules/compile';
import { ratingTags } from '../rules/ratings';
import { pixivWorks, preloadData } from './pixiv-data';

interface ListWork {
  id: string;
  tags: string[];
  xRestrict: number;
  title: string;
  userName: string;
}

const json = (file: string): unknown => JSON.parse(realPage('pixiv', file));

/** Every list work the answer itself holds must come out with every one of its tags, in order. */
function expectAll(found: ReturnType<typeof pixivWorks>, truth: ListWork[]): void {
  const byId = new Map(found.map((w) => [w.id, w]));
  for (const work of truth) {
    const facts = byId.get(work.id);
    expect(facts, work.id).toBeDefined();
    expect(
      facts?.tags
        .filter((t) => t.namespace === undefined && t.canonical !== 'ai-generated')
        .map((t) => t.name),
    ).toEqual(work.tags);
    for (const rating of ratingTags('pixiv', work.xRestrict)) expect(facts?.tags).toContainEqual(rating);
    expect(facts?.title).toBe(work.title);
    expect(facts?.creators).toEqual([work.userName]);
  }
}

describe.skipIf(!HAVE_REAL_PAGES)('pixiv answers', () => {
  it('a tag search: all 60 works with their tags and English translations', () => {
    const answer = json('search-artworks-gup.json') as {
      body: { illustManga: { data: ListWork[] }; tagTranslation: Record<string, { en: string }> };
    };
    const works = pixivWorks(answer);
    const data = answer.body.illustManga.data;
    expect(data).toHaveLength(60);
    expect(works.map((w) => w.id).sort()).toEqual(data.map((w) => w.id).sort());
    expectAll(works, data);
    // The answer's tagTranslation names "ガールズ&パンツァー" in English: matched as well.
    const gup = works.flatMap((w) => w.tags).find((t) => t.name === 'ガールズ&パンツァー');
    expect(gup?.canonical).toBe(answer.body.tagTranslation['ガールズ&パンツァー']?.en);
    expect(PageDataMessageSchema.safeParse({ site: 'pixiv', works }).success).toBe(true);
  });

  it('the followed artists’ latest works: 60, two of them R-18G', () => {
    const answer = json('follow-latest-illust.json') as { body: { thumbnails: { illust: ListWork[] } } };
    const data = answer.body.thumbnails.illust;
    const works = pixivWorks(answer);
    expect(works).toHaveLength(data.length);
    expectAll(works, data);
    const guro = works.filter((w) => w.tags.some((t) => t.namespace === 'rating' && t.name === 'r-18g'));
    expect(guro.map((w) => w.id).sort()).toEqual(
      data
        .filter((w) => w.xRestrict === 2)
        .map((w) => w.id)
        .sort(),
    );
    expect(guro).toHaveLength(2);
    for (const work of guro) expect(work.tags.map((t) => t.name)).toContain('R-18G');
  });

  it('ratings in the boorus’ words too: rating:explicit and rating:e hide R-18 and R-18G, rating:r-18 only R-18', () => {
    const latest = json('follow-latest-illust.json') as { body: { thumbnails: { illust: ListWork[] } } };
    const search = json('search-artworks-gup.json') as { body: { illustManga: { data: ListWork[] } } };
    const data = [...latest.body.thumbnails.illust, ...search.body.illustManga.data];
    const works = new Map([...pixivWorks(latest), ...pixivWorks(search)].map((w) => [w.id, w]));
    const hidden = (rule: string) => {
      const { judge } = compile([{ id: 'r', name: 'R', enabled: true, action: 'hide', patterns: [rule] }]);
      return data
        .filter((w) => {
          const facts = works.get(w.id);
          return facts !== undefined && judge({ ...facts, tags: [...facts.tags] }).action === 'hide';
        })
        .map((w) => w.id)
        .sort();
    };
    const ids = (keep: (w: ListWork) => boolean) =>
      data
        .filter(keep)
        .map((w) => w.id)
        .sort();
    // The answers' own xRestrict is the oracle; between them they hold all three tiers.
    expect(new Set(data.map((w) => w.xRestrict))).toEqual(new Set([0, 1, 2]));
    expect(hidden('rating:explicit')).toEqual(ids((w) => w.xRestrict >= 1));
    expect(hidden('rating:e')).toEqual(ids((w) => w.xRestrict >= 1));
    expect(hidden('rating:R-18')).toEqual(ids((w) => w.xRestrict === 1));
    expect(hidden('rating:r-18g')).toEqual(ids((w) => w.xRestrict === 2));
    expect(hidden('rating:all-ages')).toEqual(ids((w) => w.xRestrict === 0));
  });

  it('a user’s works by tag (49) and their profile’s pickup (3; the id-only map gives nothing)', () => {
    const byTag = json('user-14095911-illustmanga-tag-R18.json') as { body: { works: ListWork[] } };
    expect(pixivWorks(byTag)).toHaveLength(byTag.body.works.length);
    expectAll(pixivWorks(byTag), byTag.body.works);
    const profile = json('user-14095911-profile-all.json') as { body: { pickup: ListWork[] } };
    expect(pixivWorks(profile).map((w) => w.id)).toEqual(profile.body.pickup.map((w) => w.id));
    expectAll(pixivWorks(profile), profile.body.pickup);
  });

  it('one artwork’s answer: its tags with their translations, and the user’s other works', () => {
    const answer = json('illust-67729319.json') as {
      body: {
        tags: { tags: { tag: string; translation?: { en: string } }[] };
        userIllusts: Record<string, ListWork | null>;
        xRestrict: number;
      };
    };
    const works = pixivWorks(answer);
    const main = works.find((w) => w.id === '67729319');
    expect(main?.tags.slice(0, -1)).toEqual(
      answer.body.tags.tags.map((t) =>
        t.translation?.en && t.translation.en !== t.tag
          ? { name: t.tag, canonical: t.translation.en }
          : { name: t.tag },
      ),
    );
    expect(main?.tags.at(-1)).toEqual({ namespace: 'rating', name: 'all-ages' });
    expect(main?.title).toBe('独り言');
    const others = Object.values(answer.body.userIllusts).filter(
      (w): w is ListWork => w !== null && 'tags' in w,
    );
    expect(others.length).toBeGreaterThan(0);
    // The user's works include this one (it is read once, from its own fuller entry).
    expect(works).toHaveLength(new Set([...others.map((w) => w.id), '67729319']).size);
    expectAll(
      works,
      others.filter((w) => w.id !== '67729319'),
    );
  });

  it('the artwork page as served: meta#meta-preload-data gives the same work', () => {
    const doc = parseHtml(realPage('pixiv', 'artwork-67729319-preload.html'));
    const works = pixivWorks(preloadData(doc));
    const fromApi = pixivWorks(json('illust-67729319.json')).find((w) => w.id === '67729319');
    expect(works.find((w) => w.id === '67729319')?.tags).toEqual(fromApi?.tags);
  });

  it('novels are kept apart from artworks with the same number; AI-generated works say so', () => {
    const works = pixivWorks({
      body: {
        thumbnails: {
          novel: [{ id: '5', tags: ['NTR'], xRestrict: 1, userName: 'a', title: 'n', textCount: 9 }],
          illust: [{ id: '5', tags: ['猫'], xRestrict: 0, userName: 'b', title: 'i', aiType: 2 }],
        },
      },
    });
    expect(works.map((w) => w.id).sort()).toEqual(['5', 'novel/5']);
    expect(works.find((w) => w.id === '5')?.tags).toContainEqual({
      name: 'AI生成',
      canonical: 'ai-generated',
    });
  });

  it('ignores what is not a work and stays bounded on a hostile answer', () => {
    expect(pixivWorks(null)).toEqual([]);
    expect(pixivWorks({ body: { id: 'x', tags: ['a'], xRestrict: 0 } })).toEqual([]);
    let deep: unknown = { id: '1', tags: ['deep'], xRestrict: 0 };
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(pixivWorks(deep)).toEqual([]);
    const many = {
      body: Array.from({ length: 5_000 }, (_, i) => ({ id: String(i + 1), tags: ['t'], xRestrict: 0 })),
    };
    expect(pixivWorks(many).length).toBeLessThanOrEqual(2_000);
    const long = pixivWorks({ id: '1', tags: ['x'.repeat(10_000)], xRestrict: 0, title: 'y'.repeat(10_000) });
    expect(long[0]?.title).toHaveLength(500);
    expect(long[0]?.tags[0]?.name).toHaveLength(500);
  });
});
