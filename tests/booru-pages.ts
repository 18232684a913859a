/**
 * Synthetic post lists in the boorus' markup (the project's own: no saved booru page is available):
 * each post an `article` with `data-tags` and `data-rating`, as Danbooru and e621 write them.
 */
export interface Post {
  id: number;
  tags: string;
  rating: 'g' | 's' | 'q' | 'e';
}

export const POSTS: Post[] = [
  { id: 101, tags: '1girl solo smile long_hair', rating: 'g' },
  { id: 102, tags: '1girl 1boy netorare cheating hetero', rating: 'e' },
  { id: 103, tags: 'landscape no_humans scenery', rating: 'g' },
  { id: 104, tags: 'guro blood 1girl', rating: 'e' },
  { id: 105, tags: '2girls yuri hand_holding', rating: 's' },
  { id: 106, tags: '1boy solo male_focus', rating: 'q' },
];

export function postList(
  element: 'article class="post-preview"' | 'article class="thumbnail"',
  posts = POSTS,
): string {
  const items = posts
    .map(
      (p) =>
        `<${element} id="post_${p.id}" data-id="${p.id}" data-tags="${p.tags}" data-rating="${p.rating}"><a href="/posts/${p.id}"><img alt="post ${p.id}" width="150" height="150"></a></article>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Posts</title></head><body><div id="posts"><div class="posts-container">${items}</div></div></body></html>`;
}
