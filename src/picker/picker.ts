// The point-and-click picker, injected into one tab on demand (the popup's "Use Tagveil on this site",
// scripting.executeScript under activeTab): nothing of it runs on a page the user did not pick on.
// Everything it draws sits in one element with a closed shadow root; it marks nothing in the page, and
// closing it (Escape, Cancel, Save) takes that element and every listener away.
import { effect } from '@preact/signals';
import { h, render } from 'preact';
import { outlineBoxes } from './outline';
import { Panel, PICKER_CSS } from './panel';
import type { Proposal } from './propose';
import { PickerStore } from './store';

/**
 * The picker running in this tab, kept on the content scripts' own global: each injection runs the
 * bundle afresh (a module variable would be a new one each time, and a second click on "Use Tagveil on
 * this site" would draw a second picker), while the global is shared by every injection and unseen by the page.
 */
const RUNNING = Symbol.for('tagveil-picker');
const scriptGlobal = globalThis as { [RUNNING]?: { focus(): void } | null };

/** Events a page element would act on while the user is choosing: the picker takes them. */
const TAKEN_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'contextmenu',
];

export interface PickerOptions {
  doc?: Document;
  save(proposal: Proposal): Promise<void>;
}

export function startPicker({ doc = document, save }: PickerOptions): () => void {
  const running = scriptGlobal[RUNNING];
  if (running) {
    running.focus();
    return () => undefined;
  }
  const win = doc.defaultView as Window;
  const host = doc.createElement('tagveil-picker');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PICKER_CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const panel = doc.createElement('div');
  root.append(style, layer, panel);

  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
    win.addEventListener(type, fn, { capture: true });
    cleanups.push(() => win.removeEventListener(type, fn, { capture: true }));
  };
  const close = () => {
    for (const fn of cleanups.splice(0)) fn();
    render(null, panel);
    host.remove();
    scriptGlobal[RUNNING] = null;
  };
  const store = new PickerStore({ doc, host, save, close });
  const fromPicker = (e: Event) => e.composedPath()[0] === host || e.target === host;
  const pageTarget = (e: Event): Element | null => {
    const target = e.composedPath()[0] as Node | undefined;
    // Not instanceof Element: a node of another frame's document is not an instance of this one's.
    return target?.nodeType === 1 ? (target as Element) : null;
  };

  listen('mouseover', (e) => {
    if (!fromPicker(e)) store.point(pageTarget(e));
  });
  listen('focusin', (e) => {
    if (!fromPicker(e)) store.point(pageTarget(e));
  });
  for (const type of TAKEN_EVENTS) {
    listen(type as keyof WindowEventMap, (e) => {
      if (fromPicker(e) || store.step.value === 'review') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (type === 'click') {
        store.point(pageTarget(e));
        store.choose();
      }
    });
  }
  listen('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      store.cancel();
      return;
    }
    if (fromPicker(e) || store.step.value === 'review') return;
    const keys: Record<string, () => void> = {
      ArrowUp: () => store.up(),
      ArrowDown: () => store.down(),
      Enter: () => store.choose(),
    };
    const act = keys[e.key];
    if (!act || !store.candidate.value) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    act();
  });

  // Outlines follow the page: drawn again after a scroll, a resize or a change of the page's own content,
  // once a frame; what the selectors find is counted again when the page adds, removes or reclasses elements.
  let frame = 0;
  let pageChanged = false;
  const draw = () => {
    frame = 0;
    if (pageChanged) {
      pageChanged = false;
      store.pageVersion.value++; // the effect below asks for another frame: this one draws it
    }
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    layer.replaceChildren(...outlineBoxes(doc, store));
  };
  const redraw = () => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  listen('scroll', redraw);
  listen('resize', redraw);
  const observer = new MutationObserver((records) => {
    // The picker's own element coming and going is not the page changing (its shadow tree is not observed).
    if (
      records.every((r) => r.target === host || [...r.addedNodes, ...r.removedNodes].every((n) => n === host))
    )
      return;
    if (
      records.some((r) => r.type === 'childList' || r.attributeName === 'class' || r.attributeName === 'id')
    )
      pageChanged = true;
    redraw();
  });
  cleanups.push(
    effect(() => {
      // Read every signal the outlines depend on, so a change of any draws them again.
      void store.step.value;
      void store.candidate.value;
      void store.matched.value;
      redraw();
    }),
    () => observer.disconnect(),
    () => win.cancelAnimationFrame(frame),
  );

  // Focus moves into the panel when the selectors are proposed, and is given back to the page on close.
  cleanups.push(
    effect(() => {
      if (store.step.value === 'review') win.setTimeout(() => root.getElementById('entry-selector')?.focus());
    }),
  );

  // What the user does in the panel stays there: the page's own handlers (its keyboard shortcuts while a
  // selector is typed, its click tracking) hear none of it. The panel's handlers, inside, still do.
  const stop = (e: Event) => e.stopPropagation();
  for (const type of [...TAKEN_EVENTS, 'keydown', 'keyup', 'keypress', 'beforeinput', 'input'])
    host.addEventListener(type, stop);

  render(h(Panel, { store }), panel);
  (doc.body ?? doc.documentElement).append(host);
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'id', 'style', 'hidden', 'open'],
  });
  const focusPanel = () => (root.querySelector('button, input') as HTMLElement | null)?.focus();
  scriptGlobal[RUNNING] = { focus: focusPanel };
  return close;
}
