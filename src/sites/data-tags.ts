import { ratingTag } from '../rules/ratings';
import type { Tag } from '../rules/types';
import type { SiteAdapter } from './types';

/**
 * The shape boorus share: each post carries its tags in `data-tags` (space-separated, `_` for spaces,
 * every namespace mixed) and its rating in `data-rating`, a letter whose word is the site's own (e621's `s`
 * is safe, Danbooru's sensitive: src/rules/ratings.ts). One adapter shape, reused per site.
 */
export function dataTagsAdapter(
  site: Pick<SiteAdapter, 'id' | 'name' | 'matches' | 'entrySelector'>,
): SiteAdapter {
  const adapter: SiteAdapter = {
    ...site,
    tagLink: {
      // A tag's link is the post search for it; a search for several tags is no single tag.
      patterns: site.matches.map((m) => m.replace(/\/\*$/u, '/posts?tags=*')),
      read(url) {
        const tags = url.pathname === '/posts' ? url.searchParams.get('tags')?.trim() : undefined;
        return tags && !/\s/u.test(tags) ? tags : null;
      },
    },
    expectsEntries: (doc) => doc.querySelector('#posts, .posts-container, #posts-container') !== null,
    nextPage: (doc) =>
      doc.querySelector('a.paginator-next[href], a#paginator-next[href]')?.getAttribute('href') ?? null,
    read(entry) {
      const tags: Tag[] = (entry.getAttribute('data-tags') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((name) => ({ name }));
      const rating = entry.getAttribute('data-rating');
      if (rating) tags.push(ratingTag(site.id, rating));
      const uploader = entry.getAttribute('data-uploader');
      return {
        id: entry.getAttribute('data-id') ?? entry.id,
        tags,
        title: '',
        creators: uploader ? [uploader] : [],
      };
    },
    // A post's own page carries the same attributes on its image container.
    detail: {
      isDetailPage: (url) => /^\/posts\/\d+/u.test(url.pathname),
      read: (doc) => {
        const container = doc.querySelector('#image-container[data-tags]');
        return container ? adapter.read(container) : null;
      },
    },
  };
  return adapter;
}
