import type { PickerStore } from './store';

/** Outlines drawn at most (those in view): a page of 10,000 entries stays responsive while scrolled. */
export const MAX_OUTLINES = 1_500;

/**
 * Boxes over what the picker is about: every entry and tag the selectors find, the picked ones thicker,
 * and what a click would choose now. They are drawn in the picker's own layer, over the page, so the
 * page's elements are never restyled or marked.
 */
export function outlineBoxes(doc: Document, store: PickerStore): HTMLElement[] {
  const win = doc.defaultView as Window;
  const boxes: HTMLElement[] = [];
  const add = (el: Element, kind: string) => {
    if (boxes.length >= MAX_OUTLINES) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.bottom < 0 || r.right < 0 || r.top > win.innerHeight || r.left > win.innerWidth) return;
    const box = doc.createElement('div');
    box.className = `box ${kind}`;
    box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    boxes.push(box);
  };
  const candidate = store.candidate.value;
  if (candidate) add(candidate, 'candidate');
  const entry = store.entry.value;
  if (store.step.value === 'tag' && entry) add(entry, 'entry picked');
  const found = store.matched.value;
  if (found) {
    for (const el of found.tags) add(el, el === store.tag.value ? 'tag picked' : 'tag');
    for (const el of found.entries) add(el, el === entry ? 'entry picked' : 'entry');
  }
  return boxes;
}
