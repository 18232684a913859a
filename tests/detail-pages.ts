/**
 * Synthetic detail pages in the sites' markup (the project's own; no saved AO3 work page or booru post
 * page is available): an AO3 work's meta block and a booru post's image container.
 */
export function ao3WorkPage(tags: Record<string, string[]>, title = 'A Work'): string {
  const rows = Object.entries(tags)
    .map(
      ([kind, names]) =>
        `<dt class="${kind} tags">${kind}:</dt><dd class="${kind} tags"><ul class="commas">${names
          .map((n) => `<li><a class="tag" href="/tags/${encodeURIComponent(n)}/works">${n}</a></li>`)
          .join('')}</ul></dd>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="wrapper"><dl class="work meta group">${rows}</dl></div>
<div id="workskin"><div class="preface group"><h2 class="title heading">${title}</h2>
<h3 class="byline heading"><a rel="author" href="/users/someone/pseuds/someone">someone</a></h3></div>
<div id="chapters"><p>Chapter text.</p></div></div></body></html>`;
}

export function booruPostPage(tags: string, rating: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Post</title></head><body>
<section id="image-container" data-id="9" data-tags="${tags}" data-rating="${rating}"><img alt="post" width="300" height="300"></section>
</body></html>`;
}
