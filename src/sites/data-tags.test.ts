// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { POSTS, postList } from '../../tests/booru-pages';
import { compile } from '../rules/compile';
import { danbooru } from './danbooru';
import { e621 } from './e621';
import { siteForUrl } from './registry';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe.each([
  [danbooru, 'article class="post-preview"'],
  [e621, 'article class="thumbnail"'],
] as const)('$id adapter', (site, element) => {
  it('reads every post: its tags with "_" as written, and its rating', () => {
    const entries = [...doc(postList(element)).querySelectorAll(site.entrySelector)];
    expect(entries).toHaveLength(POSTS.length);
    const facts = site.read(entries[1] as Element);
    expect(facts.id).toBe('102');
    expect(facts.tags).toEqual([
      { name: '1girl' },
      { name: '1boy' },
      { name: 'netorare' },
      { name: 'cheating' },
      { name: 'hetero' },
      { namespace: 'rating', name: 'e', canonical: 'explicit' },
    ]);
  });

  it('judges posts by tag and by rating, letter or word', () => {
    const matcher = compile([
      { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] },
      { id: 'r', name: 'Ratings', enabled: true, action: 'blur', patterns: ['rating:q', 'rating:explicit'] },
      { id: 'h', name: 'Hair', enabled: true, action: 'label', patterns: ['long hair'] },
    ]);
    const verdicts = [...doc(postList(element)).querySelectorAll(site.entrySelector)].map(
      (el) => matcher.judge(site.read(el)).action,
    );
    expect(verdicts).toEqual(['label', 'hide', null, 'blur', null, 'blur']);
  });
});

describe('booru site matching', () => {
  it('runs on Danbooru and e621', () => {
    expect(siteForUrl('https://danbooru.donmai.us/posts?tags=1girl')?.id).toBe('danbooru');
    expect(siteForUrl('https://e621.net/posts')?.id).toBe('e621');
  });
});

describe('booru post page (synthetic, in the sites’ markup)', () => {
  it('reads the post’s tags and rating from its image container', async () => {
    const { booruPostPage } = await import('../../tests/detail-pages');
    const facts = danbooru.detail?.read(doc(booruPostPage('netorare 1girl', 'e')));
    expect(facts?.tags).toEqual([
      { name: 'netorare' },
      { name: '1girl' },
      { namespace: 'rating', name: 'e', canonical: 'explicit' },
    ]);
    expect(e621.detail?.isDetailPage(new URL('https://e621.net/posts/123'))).toBe(true);
    expect(e621.detail?.isDetailPage(new URL('https://e621.net/posts?tags=x'))).toBe(false);
  });
});

describe('booru ratings are the site’s words', () => {
  const posts = POSTS.map((p) => ({ ...p }));
  const judge = (site: typeof danbooru, element: Parameters<typeof postList>[0], patterns: string[]) => {
    const matcher = compile([{ id: 'r', name: 'R', enabled: true, action: 'hide', patterns }]);
    return [...doc(postList(element, posts)).querySelectorAll(site.entrySelector)]
      .filter((el) => matcher.judge(site.read(el)).action === 'hide')
      .map((el) => el.getAttribute('data-id'));
  };

  it('rating:safe hides e621’s s posts, not Danbooru’s (s is sensitive there since 2022)', () => {
    expect(judge(e621, 'article class="thumbnail"', ['rating:safe'])).toEqual(['105']);
    expect(judge(danbooru, 'article class="post-preview"', ['rating:safe'])).toEqual([]);
    expect(judge(danbooru, 'article class="post-preview"', ['rating:sensitive'])).toEqual(['105']);
    expect(judge(e621, 'article class="thumbnail"', ['rating:sensitive'])).toEqual([]);
  });

  it('a letter follows the site: rating:s is each site’s s, rating:e and rating:explicit every e', () => {
    expect(judge(e621, 'article class="thumbnail"', ['rating:s'])).toEqual(['105']);
    expect(judge(danbooru, 'article class="post-preview"', ['rating:S'])).toEqual(['105']);
    for (const rule of ['rating:e', 'rating:explicit', 'Rating:Explicit']) {
      expect(judge(danbooru, 'article class="post-preview"', [rule])).toEqual(['102', '104']);
      expect(judge(e621, 'article class="thumbnail"', [rule])).toEqual(['102', '104']);
    }
    expect(judge(danbooru, 'article class="post-preview"', ['rating:general'])).toEqual(['101', '103']);
  });

  it('reads each site’s letter with its word', () => {
    const e621Post = doc(postList('article class="thumbnail"')).querySelector('[data-id="105"]') as Element;
    expect(e621.read(e621Post).tags.at(-1)).toEqual({ namespace: 'rating', name: 's', canonical: 'safe' });
    const dPost = doc(postList('article class="post-preview"')).querySelector('[data-id="105"]') as Element;
    expect(danbooru.read(dPost).tags.at(-1)).toEqual({
      namespace: 'rating',
      name: 's',
      canonical: 'sensitive',
    });
  });
});
