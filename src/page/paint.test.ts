// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../rules/types';
import type { PaintOptions } from './effects';
import { Painter } from './paint';
import { MARK_ATTR, MARK_VALUE, SHOWN_ATTR, VEIL_TAG } from './styles';
import { PAGE_UI, type PageUi } from './ui';

const verdict = (action: Verdict['action']): Verdict => ({
  action,
  reasons: [
    { listId: 'l', listName: 'NTR', action: action ?? 'blur', rule: 'netorare', tag: { name: 'Netorare' } },
  ],
});

function entry(): HTMLElement {
  const li = document.createElement('li');
  li.innerHTML = '<a class="tag">Netorare</a><p>Summary</p>';
  document.body.append(li);
  return li;
}

const options = (entryEl: HTMLElement, shown = false): PaintOptions => ({
  shown,
  audit: false,
  onToggle: () => {},
  anchor: entryEl,
});

/** A page UI that arrives when the test says so. */
function deferredUi() {
  let arrive: (ui: PageUi) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<PageUi>((resolve, reject) => {
        arrive = resolve;
        fail = reject;
      }),
  );
  return { load, arrive: () => arrive(PAGE_UI), fail: (message: string) => fail(new Error(message)) };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Painter', () => {
  it('marks at once and never loads the page UI for entries that are only hidden', () => {
    const { load } = deferredUi();
    const painter = new Painter(load);
    const a = entry();
    painter.apply(a, verdict('hide'), options(a));
    expect(a.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    painter.clear(a);
    expect(a.hasAttribute(MARK_ATTR)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('blurs by its marks before the page UI is in, then draws each waiting veil as last painted', async () => {
    const { load, arrive } = deferredUi();
    const painter = new Painter(load);
    const [blurred, shownLater, hiddenLater, gone] = [entry(), entry(), entry(), entry()];
    for (const e of [blurred, shownLater, hiddenLater, gone]) painter.apply(e, verdict('blur'), options(e));
    // Filtered already: the stylesheet blurs by the mark; no veil yet.
    expect(blurred.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.blur);
    expect(document.querySelectorAll(VEIL_TAG)).toHaveLength(0);
    expect(load).toHaveBeenCalledOnce();
    // Meanwhile the user's Show all, a rule that now hides one, a card the page took away.
    painter.apply(shownLater, verdict('blur'), options(shownLater, true));
    painter.apply(hiddenLater, verdict('hide'), options(hiddenLater));
    gone.remove();
    arrive();
    await painter.ready();
    expect(blurred.querySelector(VEIL_TAG)).not.toBeNull();
    expect(shownLater.querySelector(VEIL_TAG)).not.toBeNull();
    expect(shownLater.hasAttribute(SHOWN_ATTR)).toBe(true);
    expect(hiddenLater.querySelector(VEIL_TAG)).toBeNull();
    expect(gone.querySelector(VEIL_TAG)).toBeNull();
    // From now on veils are drawn at once, and taken away with the marks.
    const late = entry();
    painter.apply(late, verdict('label'), options(late));
    expect(late.querySelector(VEIL_TAG)).not.toBeNull();
    painter.clear(blurred);
    expect(blurred.querySelector(VEIL_TAG)).toBeNull();
    expect(blurred.hasAttribute(MARK_ATTR)).toBe(false);
    expect(load).toHaveBeenCalledOnce();
  });

  it('an entry cleared before the page UI came gets no veil', async () => {
    const { load, arrive } = deferredUi();
    const painter = new Painter(load);
    const a = entry();
    painter.apply(a, verdict('blur'), options(a));
    painter.clear(a);
    arrive();
    await painter.ready();
    expect(a.querySelector(VEIL_TAG)).toBeNull();
    expect(a.hasAttribute(MARK_ATTR)).toBe(false);
  });

  it('says why when the page UI does not load, keeps the marks, and tries again when next needed', async () => {
    const { load, fail } = deferredUi();
    const painter = new Painter(load);
    const a = entry();
    painter.apply(a, verdict('blur'), options(a));
    fail('blocked by the page');
    await expect(painter.ready()).rejects.toThrow('blocked by the page');
    expect(painter.failure).toBe('blocked by the page');
    expect(a.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.blur);
    const b = entry();
    painter.apply(b, verdict('blur'), options(b));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
