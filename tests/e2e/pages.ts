/** The project's own synthetic catalog pages in Archive of Our Own's markup, for scale and no-flash tests. */
import { MARK_VALUE } from './marks';

const FILLER_TAGS = Array.from({ length: 400 }, (_, i) => `Filler Tag ${i}`);

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/"/gu, '&quot;');
}

/** One work blurb with `tagCount` freeform tags; every `blockEvery`-th work also carries "Netorare". */
export function blurb(i: number, tagCount = 20, blockEvery = 7): string {
  const tags = Array.from(
    { length: tagCount },
    (_, t) => FILLER_TAGS[(i * 31 + t * 7) % FILLER_TAGS.length] as string,
  );
  if (i % blockEvery === 0) tags[tagCount - 1] = 'Netorare';
  const items = tags
    .map(
      (t) =>
        `<li class="freeforms"><a class="tag" href="/tags/${encodeURIComponent(t)}/works">${escapeHtml(t)}</a></li>`,
    )
    .join(' ');
  return `<li id="work_${i}" class="work blurb group" role="article">
<div class="header module"><h4 class="heading"><a href="/works/${i}">Work ${i}</a> by <a rel="author" href="/users/a${i % 50}">a${i % 50}</a></h4></div>
<ul class="tags commas">${items}</ul>
<blockquote class="userstuff summary"><p>Summary of work ${i}.</p></blockquote>
</li>`;
}

/** A works listing of `count` blurbs; `script` (the page's own code) runs at the end of the body. */
export function worksPage(count: number, script = ''): string {
  const items = Array.from({ length: count }, (_, i) => blurb(i)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${count} works</title></head>
<body><div id="main"><ol class="work index group">
${items}
</ol></div>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** Marks of the actions that keep an entry's content from view (hide, blur, collapse). */
const HIDING_MARKS = [MARK_VALUE.hide, MARK_VALUE.blur, MARK_VALUE.collapse];

/**
 * Counts, in the page's main world, frames in which an entry that ends acted on was painted unfiltered
 * with the content it ends with: an entry's record starts over whenever its content changes (a card
 * re-rendered with a blocked tag was rightly visible before).
 */
export const LEAK_RECORDER = `(() => {
  const seenFrames = new Map();
  let frame = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const entry = target && target.closest('li.blurb');
      if (entry) seenFrames.delete(entry);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const tick = () => {
    frame++;
    for (const el of document.querySelectorAll('li.blurb')) {
      if (el.hasAttribute('data-tagveil')) continue;
      if (!el.hasAttribute('data-tagveil-seen') && getComputedStyle(el).visibility === 'hidden') continue;
      let frames = seenFrames.get(el);
      if (!frames) { frames = []; seenFrames.set(el, frames); }
      frames.push(frame);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__tagveilLeaks = () => {
    const leaked = new Set();
    const leakedEntries = [];
    for (const [el, frames] of seenFrames) {
      const mark = el.getAttribute('data-tagveil');
      if (!el.isConnected || !${JSON.stringify(HIDING_MARKS)}.includes(mark)) continue;
      leakedEntries.push(el.id);
      for (const f of frames) leaked.add(f);
    }
    return { frames: frame, leakedFrames: leaked.size, leakedEntries };
  };
})();`;
