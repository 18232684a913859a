import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../../tests/real-pages';
import { compile } from '../rules/compile';
import { ratingTags } from '../rules/ratings';
import { MANGADEX_TAGS } from './dictionaries/mangadex-tags';
import { mangadexWorks } from './mangadex-data';

interface ApiTag {
  id: string;
  attributes: { name: Record<string, string>; group: string };
}
interface ApiManga {
  id: string;
  type: string;
  attributes: { title: Record<string, string>; contentRating: string; tags: ApiTag[] };
}

const json = <T>(file: string): T => JSON.parse(realPage('mangadex', file)) as T;

describe.skipIf(!HAVE_REAL_PAGES)('MangaDex answers', () => {
  it('the dictionary is the site’s own 76 tags, name and group', () => {
    const list = json<{ data: ApiTag[] }>('manga-tag-list.json');
    expect(MANGADEX_TAGS).toHaveLength(76);
    expect(new Map(MANGADEX_TAGS.map(([id, name, group]) => [id, `${group}:${name}`]))).toEqual(
      new Map(list.data.map((t) => [t.id, `${t.attributes.group}:${t.attributes.name.en}`])),
    );
  });

  it.each(['manga-list-100-2024-08.json', 'manga-search-2024-07.json'])(
    '%s: every title with every tag and its rating',
    (file) => {
      const answer = json<{ data: ApiManga[]; limit: number }>(file);
      const works = mangadexWorks(answer);
      expect(answer.data.length).toBeLessThanOrEqual(answer.limit);
      expect(works.map((w) => w.id)).toEqual(answer.data.map((m) => m.id));
      answer.data.forEach((manga, i) => {
        expect(works[i]?.tags).toEqual([
          ...manga.attributes.tags.map((t) => ({ name: t.attributes.name.en })),
          ...ratingTags('mangadex', manga.attributes.contentRating),
        ]);
        // Every tag the answers carry is in the dictionary under the same name.
        for (const t of manga.attributes.tags)
          expect(MANGADEX_TAGS.find(([id]) => id === t.id)?.[1]).toBe(t.attributes.name.en);
      });
    },
  );

  it('a chapter feed carries no tags and gives nothing', () => {
    const feed = json<{ data: unknown[] }>('manga-feed-chapters-2024-08.json');
    expect(feed.data.length).toBeGreaterThan(0);
    expect(mangadexWorks(feed)).toEqual([]);
  });

  it('one title’s answer (data is an object); names from the dictionary when the answer has none', () => {
    const works = mangadexWorks({
      result: 'ok',
      data: {
        id: '00000000-0000-4000-8000-000000000001',
        type: 'manga',
        attributes: {
          title: { ja: 'タイトル' },
          contentRating: 'pornographic',
          tags: [{ id: 'b29d6a3d-1569-4e7a-8caf-7557bc92cd5d', attributes: { name: {} } }],
        },
        relationships: [{ type: 'author', attributes: { name: 'A' } }],
      },
    });
    expect(works).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000001',
        tags: [
          { name: 'Gore' },
          { namespace: 'rating', name: 'pornographic', canonical: 'explicit' },
          { namespace: 'rating', name: 'e', canonical: 'explicit' },
        ],
        title: 'タイトル',
        creators: ['A'],
      },
    ]);
  });

  it.skipIf(!HAVE_REAL_PAGES)(
    'contentRating in the boorus’ words too: rating:explicit and rating:e hide pornographic titles only',
    () => {
      const answer = json<{ data: ApiManga[] }>('manga-list-100-2024-08.json');
      // The saved list has no pornographic title: every fourth is made one (a copy; the file is not edited).
      const data = answer.data.map((m, i) =>
        i % 4 === 0 ? { ...m, attributes: { ...m.attributes, contentRating: 'pornographic' } } : m,
      );
      const works = mangadexWorks({ data });
      const hidden = (rule: string) => {
        const { judge } = compile([{ id: 'r', name: 'R', enabled: true, action: 'hide', patterns: [rule] }]);
        return works.filter((w) => judge(w).action === 'hide').map((w) => w.id);
      };
      const rated = (r: string) => data.filter((m) => m.attributes.contentRating === r).map((m) => m.id);
      expect(rated('pornographic')).toHaveLength(25);
      expect(hidden('rating:explicit')).toEqual(rated('pornographic'));
      expect(hidden('rating:e')).toEqual(rated('pornographic'));
      expect(hidden('rating:pornographic')).toEqual(rated('pornographic'));
      expect(hidden('rating:erotica')).toEqual(rated('erotica'));
      expect(hidden('rating:safe')).toEqual(rated('safe'));
    },
  );
});
