import { dataTagsAdapter } from './data-tags';

/** e621 and e926: post lists, in the current markup (`article.thumbnail`) and the older one (`.post-preview`). */
export const e621 = dataTagsAdapter({
  id: 'e621',
  name: 'e621',
  matches: ['https://e621.net/*', 'https://e926.net/*'],
  entrySelector: 'article.thumbnail[data-tags], article.post-preview[data-tags], span.thumb[data-tags]',
});
