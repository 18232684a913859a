// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../rules/types';
import { applyVerdict, clearVerdict, luminance, type PaintOptions, pageScheme, readScheme } from './effects';
import { reasonText } from './reason';
import { VEIL_TAG } from './styles';

/** Closed shadow roots, caught as they are made: the page cannot open them, the test can. */
let roots: ShadowRoot[] = [];
const attach = HTMLElement.prototype.attachShadow;

function work(): HTMLLIElement {
  const li = document.createElement('li');
  li.innerHTML = `<div class="header"><h4><a href="/works/1">Title</a> by <a href="/users/x">x</a></h4></div>
    <ul class="tags"><li><a class="tag" href="/tags/Netorare/works">Netorare</a></li></ul>
    <blockquote>Summary</blockquote>`;
  document.body.append(li);
  return li;
}

const verdict = (action: Verdict['action']): Verdict => ({
  action,
  reasons: [
    { listId: 'l', listName: 'NTR', action: action ?? 'blur', rule: 'netorare', tag: { name: 'Netorare' } },
  ],
});

const rootOf = (entry: Element) => {
  const host = entry.querySelector(VEIL_TAG);
  return roots.find((r) => r.host === host) ?? null;
};
const buttons = (entry: Element) => [...(rootOf(entry)?.querySelectorAll('button') ?? [])];
const inertChildren = (entry: Element) =>
  [...entry.children].filter((c) => c.hasAttribute('inert')).map((c) => c.localName);

describe('veils', () => {
  beforeEach(() => {
    roots = [];
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
      this: HTMLElement,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  function paint(entry: HTMLElement, v: Verdict, over: Partial<PaintOptions> = {}): PaintOptions {
    const options: PaintOptions = {
      shown: false,
      audit: false,
      onToggle: () => undefined,
      anchor: entry,
      ...over,
    };
    applyVerdict(entry, v, options);
    return options;
  }

  it('draws every veil with the page’s one stylesheet, not a <style> each', () => {
    const a = work();
    const b = work();
    paint(a, verdict('blur'));
    paint(b, verdict('label'));
    paint(a, verdict('collapse'));
    const [ra, rb] = [rootOf(a), rootOf(b)];
    expect(ra?.querySelector('style')).toBeNull();
    expect(rb?.querySelector('style')).toBeNull();
    expect(ra?.adoptedStyleSheets).toHaveLength(1);
    expect(ra?.adoptedStyleSheets[0]).toBe(rb?.adoptedStyleSheets[0]);
  });

  it('makes a blurred work’s own content inert, and not the veil', () => {
    const entry = work();
    paint(entry, verdict('blur'));
    expect(inertChildren(entry)).toEqual(['div', 'ul', 'blockquote']);
    expect(entry.querySelector(VEIL_TAG)?.hasAttribute('inert')).toBe(false);
    expect(entry.hasAttribute('inert')).toBe(false);
  });

  it('gives the content back on Show, on clearing, and leaves the page’s own inert alone', () => {
    const entry = work();
    entry.querySelector('blockquote')?.setAttribute('inert', '');
    paint(entry, verdict('collapse'));
    expect(inertChildren(entry)).toEqual(['div', 'ul', 'blockquote']);
    paint(entry, verdict('collapse'), { shown: true });
    expect(inertChildren(entry)).toEqual(['blockquote']);
    paint(entry, verdict('collapse'));
    clearVerdict(entry);
    expect(inertChildren(entry)).toEqual(['blockquote']);
  });

  it('leaves a labelled work usable', () => {
    const entry = work();
    paint(entry, verdict('label'));
    expect(inertChildren(entry)).toEqual([]);
  });

  it('covers the children of a table row’s anchor cell too', () => {
    const row = document.createElement('tr');
    row.innerHTML =
      '<td><a href="/g/1">cover</a></td><td class="title"><a href="/g/1">Title</a><div>tags</div></td>';
    document.body.append(document.createElement('table'));
    document.querySelector('table')?.append(row);
    const anchor = row.querySelector('.title') as HTMLElement;
    paint(row, verdict('blur'), { anchor });
    expect([...row.children].map((c) => c.hasAttribute('inert'))).toEqual([true, false]);
    expect([...anchor.children].map((c) => c.localName + (c.hasAttribute('inert') ? '!' : ''))).toEqual([
      VEIL_TAG,
      'a!',
      'div!',
    ]);
  });

  it('names what it covers and why, in an aria-label inside its closed root', () => {
    const entry = work();
    paint(entry, verdict('blur'), { site: 'ao3' });
    const group = rootOf(entry)?.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Blurred work. Content warning: Netorare — list NTR');
    // The page's DOM holds none of it: the host has no attributes, no text.
    expect(entry.querySelector(VEIL_TAG)?.attributes.length).toBe(0);
    expect(entry.querySelector(VEIL_TAG)?.textContent).toBe('');
  });

  it('moves focus from Show to Hide again, and back', () => {
    const entry = work();
    const options: PaintOptions = {
      shown: false,
      audit: false,
      anchor: entry,
      onToggle: () => {
        options.shown = !options.shown;
        applyVerdict(entry, verdict('blur'), options);
      },
    };
    applyVerdict(entry, verdict('blur'), options);
    const show = buttons(entry)[0];
    expect(show?.textContent).toBe('Show');
    show?.focus();
    show?.click();
    // happy-dom's click() is not a trusted event: the veil ignores it, as it ignores the page's.
    expect(options.shown).toBe(false);
    options.onToggle();
    expect(rootOf(entry)?.activeElement?.textContent).toBe('Hide again');
    options.onToggle();
    expect(rootOf(entry)?.activeElement?.textContent).toBe('Show');
  });

  it('says an entry hidden by its id was hidden by the user, not its bare id', () => {
    const byId: Verdict = {
      action: 'hide',
      reasons: [
        {
          listId: 'h',
          listName: 'Hidden entries',
          action: 'hide',
          rule: 'entry:ao3/7',
          text: '7',
          byId: true,
        },
      ],
    };
    expect(reasonText(byId)).toBe('hidden by you, one by one — list Hidden entries');
    // The note it was hidden with (its title, or the user's words) is the user's text: it is shown.
    const noted: Verdict = { ...byId, reasons: byId.reasons.map((r) => ({ ...r, note: 'A Long Fic' })) };
    expect(reasonText(noted)).toBe('A Long Fic — list Hidden entries');
  });

  it('does not take focus when the user was elsewhere', () => {
    const entry = work();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    paint(entry, verdict('blur'));
    paint(entry, verdict('blur'), { shown: true });
    expect(document.activeElement).toBe(outside);
  });

  it('offers "Hide this one" when the entry can be hidden by id, not in audit mode', () => {
    const entry = work();
    const onHideOne = vi.fn();
    paint(entry, verdict('blur'), { onHideOne });
    expect(buttons(entry).map((b) => b.textContent)).toEqual(['Show', 'Hide this one']);
    paint(entry, verdict('label'), { onHideOne });
    expect(buttons(entry).map((b) => b.textContent)).toEqual(['Hide this one']);
    paint(entry, verdict('blur'), { onHideOne, audit: true });
    expect(buttons(entry)).toEqual([]);
  });
});

describe('the page’s scheme', () => {
  afterEach(() => {
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
  });

  it('reads a colour’s luminance, transparent as none', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
  });

  it('is dark on a dark body, light on a light one or none', () => {
    document.body.style.backgroundColor = 'rgb(52, 53, 59)'; // E-Hentai's
    expect(readScheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(readScheme(document)).toBe('light');
    document.body.style.backgroundColor = 'transparent';
    document.documentElement.style.backgroundColor = 'rgb(10, 10, 10)';
    expect(readScheme(document)).toBe('dark');
  });

  it('is read once per page, not per veil', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const spy = vi.spyOn(window, 'getComputedStyle');
    pageScheme(doc);
    const reads = spy.mock.calls.length;
    pageScheme(doc);
    pageScheme(doc);
    expect(spy.mock.calls.length).toBe(reads);
  });
});
