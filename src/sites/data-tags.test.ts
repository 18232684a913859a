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
