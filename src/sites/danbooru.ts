import { dataTagsAdapter } from './data-tags';

/** Danbooru: post lists (`article.post-preview[data-tags]`). */
export const danbooru = dataTagsAdapter({
  id: 'danbooru',
  name: 'Danbooru',
  matches: ['https://danbooru.donmai.us/*', 'https://safebooru.donmai.us/*'],
  entrySelector: 'article.post-preview[data-tags]',
});
