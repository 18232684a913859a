import type { PickerStore } from './store';

/** Outlines drawn at most (those in view): a page of 10,000 entries stays responsive while scrolled. */
export const MAX_OUTLINES = 1_500;

/**
 * Boxes over what the picker is about: every entry and tag the selectors find, the picked ones thicker,
 * and what a click would choose now. They are drawn in the picker's own layer, over the page, so the
 * page's elements are never restyled or marked. Only what is in view is drawn, and the tags of an entry
 * out of view are not even measured (on a page of 10,000 entries, a hundred thousand tags).
 */
export function outlineBoxes(doc: Document, store: PickerStore): HTMLElement[] {
  const win = doc.defaultView as Window;
  const boxes: HTMLElement[] = [];
  const tagBoxes: HTMLElement[] = [];
  const entryBoxes: HTMLElement[] = [];
  const full = () => boxes.length + tagBoxes.length + entryBoxes.length >= MAX_OUTLINES;
  /** The element's box in view, or null: 'out' when it has a size but lies out of view. */
  const measure = (el: Element): DOMRect | 'out' | null => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    if (r.bottom < 0 || r.right < 0 || r.top > win.innerHeight || r.left > win.innerWidth) return 'out';
    return r;
  };
  const box = (r: DOMRect, kind: string) => {
    const el = doc.createElement('div');
    el.className = `box ${kind}`;
    el.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    return el;
  };
  const add = (into: HTMLElement[], el: Element, kind: string): DOMRect | 'out' | null => {
    const r = measure(el);
    if (r && r !== 'out' && !full()) into.push(box(r, kind));
    return r;
  };
  const candidate = store.candidate.value;
  if (candidate) add(boxes, candidate, 'candidate');
  const entry = store.entry.value;
  if (store.step.value === 'tag' && entry) add(boxes, entry, 'entry picked');
  const found = store.matched.value;
  if (found) {
    const picked = store.tag.value;
    for (let i = 0; i < found.entries.length && !full(); i++) {
      const el = found.entries[i] as Element;
      // An entry with no box of its own (display: contents) may still show its tags.
      if (add(entryBoxes, el, el === entry ? 'entry picked' : 'entry') === 'out') continue;
      for (const tag of found.tagsOf[i] ?? []) add(tagBoxes, tag, tag === picked ? 'tag picked' : 'tag');
    }
  }
  return [...boxes, ...tagBoxes, ...entryBoxes];
}
