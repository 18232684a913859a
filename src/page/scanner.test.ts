// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { countingAdapter } from '../../tests/counting-adapter';
import { compile } from '../rules/compile';
import type { FactNeeds } from '../rules/types';
import { ao3 } from '../sites/ao3';
import { scanStats } from './answers';
import { Painter } from './paint';
import { HUGE_MUTATION_BATCH, idHash, packMark, Scanner } from './scanner';
import { MARK_ATTR, MARK_VALUE, SEEN_ATTR, SHOWN_ATTR, VEIL_TAG } from './styles';
import { PAGE_UI } from './ui';

/** Marks and veils, the page UI in hand (a built-in site's script loads it when first needed). */
const withVeils = () => new Painter(PAGE_UI);

function blurb(id: string, ...freeforms: string[]): HTMLLIElement {
  const li = document.createElement('li');
  li.id = `work_${id}`;
  li.className = 'work blurb group';
  const header = document.createElement('div');
  header.className = 'header module';
  const h4 = document.createElement('h4');
  h4.className = 'heading';
  const title = document.createElement('a');
  title.href = `/works/${id}`;
  title.textContent = `Work ${id}`;
  h4.append(title);
  header.append(h4);
  const tags = document.createElement('ul');
  tags.className = 'tags commas';
  for (const name of freeforms) {
    const item = document.createElement('li');
    item.className = 'freeforms';
    const a = document.createElement('a');
    a.className = 'tag';
    a.textContent = name;
    item.append(a);
    tags.append(item);
  }
  li.append(header, tags);
  return li;
}

const lists = (action: 'hide' | 'blur' | 'label', ...patterns: string[]) =>
  compile([{ id: 'l', name: 'Test list', enabled: true, action, patterns }]).judge;

/** What the matcher of these rules says it reads (ids, for `entry:` lines). */
const needsOf = (...patterns: string[]) =>
  compile([{ id: 'l', name: 'Test list', enabled: true, action: 'hide', patterns }]).needs;

async function mutationsDelivered(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('Scanner', () => {
  let scanner: Scanner | null = null;
  afterEach(() => {
    scanner?.stop();
    document.body.replaceChildren();
  });

  it('marks entries already on the page and only those that match', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('1', 'Netorare'), blurb('2', 'Fluff'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'), withVeils());
    scanner.start();
    const [a, b] = ol.children;
    expect(a?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    expect(b?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.hasAttribute(SEEN_ATTR)).toBe(true);
    expect(scanStats(scanner).counts).toEqual({ hide: 1, collapse: 0, blur: 0, label: 0 });
  });

  it('judges entries added later, and puts a veil with the reason on blurred ones', async () => {
    const ol = document.createElement('ol');
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    ol.append(blurb('3', 'Fluff', 'netorare'));
    await mutationsDelivered();
    const entry = ol.firstElementChild;
    expect(entry?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.blur);
    expect(entry?.firstElementChild?.tagName.toLowerCase()).toBe(VEIL_TAG);
    const stats = scanStats(scanner);
    expect([...stats.rules.values()]).toEqual([
      {
        listName: 'Test list',
        rule: 'netorare',
        action: 'blur',
        tags: new Set(['netorare']),
        entries: 1,
      },
    ]);
  });

  it('covers what the page adds inside a blurred entry later: out of the tab order like the rest of it', async () => {
    const ol = document.createElement('ol');
    const entry = blurb('9', 'Netorare');
    ol.append(entry);
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    expect(entry.querySelector('ul.tags')?.hasAttribute('inert')).toBe(true);
    // The site fills in the summary afterwards (same tags: the verdict and its veil stay as they were).
    const summary = document.createElement('blockquote');
    summary.innerHTML = '<p>Summary with <a href="/spoiler">a link</a></p>';
    entry.append(summary);
    await mutationsDelivered();
    expect(summary.hasAttribute('inert')).toBe(true);
    // No longer acted on: everything is given back, the late summary too.
    scanner.setJudge(lists('blur', 'nothing'));
    expect(summary.hasAttribute('inert')).toBe(false);
    expect(entry.querySelector('[inert]')).toBeNull();
  });

  it('judges a recycled card again when its tags change', async () => {
    const ol = document.createElement('ol');
    const card = blurb('4', 'Fluff');
    ol.append(card);
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'), withVeils());
    scanner.start();
    expect(card.hasAttribute(MARK_ATTR)).toBe(false);
    const a = card.querySelector('a.tag');
    if (a) a.textContent = 'Netorare';
    const item = card.querySelector('ul.tags li');
    item?.replaceWith(item.cloneNode(true));
    await mutationsDelivered();
    expect(card.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
  });

  it('a change of rules that leaves an entry’s verdict as it was does not draw its veil again', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('30', 'Netorare'), blurb('31', 'Netorare'), blurb('32', 'Fluff'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    const made: string[] = [];
    const create = document.createElement.bind(document);
    document.createElement = ((tag: string, options?: ElementCreationOptions) => {
      made.push(tag);
      return create(tag, options);
    }) as typeof document.createElement;
    try {
      // Another rule, the same verdicts: nothing drawn.
      scanner.setJudge(
        compile([
          { id: 'l', name: 'Test list', enabled: true, action: 'blur', patterns: ['netorare', 'gore'] },
        ]).judge,
      );
      expect(made).toEqual([]);
      // A verdict that changes is drawn.
      scanner.setJudge(lists('label', 'netorare'));
      expect(made.length).toBeGreaterThan(0);
    } finally {
      document.createElement = create;
    }
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.label);
  });

  it('late facts for some entries read those entries again, not the page', () => {
    const ol = document.createElement('ol');
    for (let i = 0; i < 5; i++) ol.append(blurb(String(40 + i), 'Fluff'));
    document.body.append(ol);
    const read: string[] = [];
    const spy = {
      ...ao3,
      read: (entry: Element, needs?: FactNeeds) => {
        read.push(entry.id);
        return ao3.read(entry, needs);
      },
    };
    scanner = new Scanner(document, spy, lists('hide', 'netorare'), withVeils());
    scanner.start();
    read.length = 0;
    scanner.refresh(['work_41', 'work_43']);
    expect(read).toEqual(['work_41', 'work_43']);
  });

  it('re-judges on new rules and removes marks that no longer apply; stop removes them all', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('5', 'Netorare'), blurb('6', 'Gore'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'), withVeils());
    scanner.start();
    scanner.setJudge(lists('label', 'gore'));
    const [a, b] = ol.children;
    expect(a?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.label);
    scanner.stop();
    expect(b?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.querySelector(VEIL_TAG)).toBeNull();
  });
});

describe('Scanner, page runtime', () => {
  let scanner: Scanner | null = null;
  afterEach(() => {
    scanner?.stop();
    document.body.replaceChildren();
  });

  it('audit mode outlines what would be acted on and acts on nothing', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('1', 'Netorare'), blurb('2', 'Fluff'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'), withVeils());
    scanner.start();
    scanner.setJudge(lists('hide', 'netorare'), { audit: true });
    const [a] = ol.children;
    expect(a?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(a?.getAttribute('data-tagveil-audit')).toBe('');
    expect(a?.querySelector(VEIL_TAG)).not.toBeNull();
    expect(scanStats(scanner).counts.hide).toBe(1);
    scanner.setJudge(lists('hide', 'netorare'));
    expect(a?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    expect(a?.hasAttribute('data-tagveil-audit')).toBe(false);
  });

  it('shows every entry acted on when asked, hidden ones included', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('1', 'Netorare'), blurb('2', 'Gore'), blurb('3', 'Fluff'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare', 'gore'), withVeils());
    scanner.start();
    expect(scanner.showAll()).toBe(2);
    const shown = [...ol.children].map((el) => el.hasAttribute('data-tagveil-shown'));
    expect(shown).toEqual([true, true, false]);
    expect(ol.children[0]?.querySelector(VEIL_TAG)).not.toBeNull();
  });

  it('counts the tags seen on the page, most frequent first', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('1', 'Fluff', 'Angst'), blurb('2', 'Fluff'), blurb('3', 'Fluff', 'Angst', 'Gore'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'nothing'), withVeils());
    scanner.start();
    expect(scanStats(scanner).tags).toEqual([
      { tag: 'freeform:Fluff', entries: 3 },
      { tag: 'freeform:Angst', entries: 2 },
      { tag: 'freeform:Gore', entries: 1 },
    ]);
  });

  it('counts every tag of a listing for the popup, not only the first few hundred', () => {
    const ol = document.createElement('ol');
    for (let i = 0; i < 40; i++)
      ol.append(blurb(String(i), ...Array.from({ length: 20 }, (_, j) => `Tag ${i}-${j}`)));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'nothing'), withVeils());
    scanner.start();
    expect(scanStats(scanner).tags).toHaveLength(800);
  });

  it('does not read entries again for its own reason lines going in', async () => {
    const ol = document.createElement('ol');
    for (let i = 0; i < 5; i++) ol.append(blurb(`v${i}`, 'Netorare'));
    document.body.append(ol);
    const { adapter: counting, reads } = countingAdapter();
    scanner = new Scanner(document, counting, lists('blur', 'netorare'), withVeils());
    scanner.start();
    expect(ol.querySelectorAll(VEIL_TAG).length).toBe(5);
    expect(reads()).toBe(5);
    await mutationsDelivered();
    expect(reads()).toBe(5);
    // A change of the page's own next to a veil is still read.
    const tag = ol.querySelector('#work_v0 a.tag');
    if (tag) tag.textContent = 'Fluff';
    await mutationsDelivered();
    expect(reads()).toBe(6);
    expect(ol.querySelector('#work_v0')?.hasAttribute(MARK_ATTR)).toBe(false);
  });

  it('counts the tags on the page for the popup once, until an entry comes, goes or changes', async () => {
    const ol = document.createElement('ol');
    for (let i = 0; i < 4; i++) ol.append(blurb(`s${i}`, 'Fluff', i === 0 ? 'Netorare' : 'Angst'));
    document.body.append(ol);
    let tagReads = 0;
    const counting = {
      ...ao3,
      read: (entry: Element, needs?: FactNeeds) => {
        if (needs && !needs.title && !needs.creators) tagReads++;
        return ao3.read(entry, needs);
      },
    };
    scanner = new Scanner(document, counting, lists('hide', 'netorare'), withVeils());
    scanner.start();
    tagReads = 0;
    const first = scanStats(scanner);
    // Counted from the facts kept for each entry (interned tag ids): the page is not read for it.
    expect(tagReads).toBe(0);
    expect(first.tags[0]).toEqual({ tag: 'freeform:Fluff', entries: 4 });
    // Asked again, and after a rules change (verdicts change, tags do not): nothing read.
    expect(scanStats(scanner).tags).toEqual(first.tags);
    scanner.setJudge(lists('hide', 'angst'));
    const rejudged = scanStats(scanner);
    expect(rejudged.tags).toEqual(first.tags);
    expect(rejudged.counts.hide).toBe(3);
    expect(tagReads).toBe(0);
    // A tag edited in place, an entry removed: counted again.
    const tag = ol.querySelector('#work_s1 a.tag');
    if (tag) tag.textContent = 'Gore';
    await mutationsDelivered();
    expect(scanStats(scanner).tags).toContainEqual({ tag: 'freeform:Gore', entries: 1 });
    ol.querySelector('#work_s3')?.remove();
    await mutationsDelivered();
    expect(scanStats(scanner).tags).toContainEqual({ tag: 'freeform:Fluff', entries: 2 });
    expect(tagReads).toBe(0);
    // Stopped (the site switched off): nothing is judged, so nothing is counted.
    scanner.stop();
    expect(scanStats(scanner).tags).toEqual([]);
  });

  it('judges a card whose tag text is edited in place', async () => {
    const ol = document.createElement('ol');
    const card = blurb('9', 'Fluff');
    ol.append(card);
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'), withVeils());
    scanner.start();
    const text = card.querySelector('a.tag')?.firstChild;
    if (text) text.nodeValue = 'Netorare';
    await mutationsDelivered();
    expect(card.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
  });

  it(`rescans once instead of walking a batch of more than ${HUGE_MUTATION_BATCH} mutations`, async () => {
    const ol = document.createElement('ol');
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    for (let i = 0; i < HUGE_MUTATION_BATCH + 10; i++)
      ol.append(blurb(String(i), i % 100 === 0 ? 'Netorare' : 'Fluff'));
    await mutationsDelivered();
    expect(ol.querySelectorAll(`[${SEEN_ATTR}]`).length).toBe(HUGE_MUTATION_BATCH + 10);
    expect(ol.querySelectorAll(`[${MARK_ATTR}="${MARK_VALUE.blur}"]`).length).toBe(11);
  });

  it('reads the facts the rules need, and all of them again when the rules ask for more', () => {
    const ol = document.createElement('ol');
    const card = blurb('12', 'Fluff');
    ol.append(card);
    document.body.append(ol);
    const asked: unknown[] = [];
    const spy = {
      ...ao3,
      read: (entry: Element, needs?: FactNeeds) => {
        asked.push(needs);
        return ao3.read(entry, needs);
      },
    };
    const tagsOnly = compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['netorare'] }]);
    scanner = new Scanner(document, spy, tagsOnly.judge, withVeils());
    scanner.setJudge(tagsOnly.judge, { needs: tagsOnly.needs });
    scanner.start();
    expect(asked.at(-1)).toEqual({ title: false, creators: false });
    expect(card.hasAttribute(MARK_ATTR)).toBe(false);
    const byTitle = compile([
      { id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['title:"work 12"'] },
    ]);
    scanner.setJudge(byTitle.judge, { needs: byTitle.needs });
    expect(asked.at(-1)).toEqual({ title: true, creators: false });
    expect(card.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
  });

  it('with "hide again off screen", hides a shown entry once it has been seen and scrolled away', () => {
    const watched: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
    class FakeIntersectionObserver {
      readonly targets = new Set<Element>();
      constructor(readonly callback: IntersectionObserverCallback) {
        watched.push(this);
      }
      observe(el: Element) {
        this.targets.add(el);
      }
      unobserve(el: Element) {
        this.targets.delete(el);
      }
      disconnect() {
        this.targets.clear();
      }
    }
    const original = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    try {
      const ol = document.createElement('ol');
      const near = blurb('20', 'Netorare');
      const far = blurb('21', 'Netorare');
      ol.append(near, far);
      document.body.append(ol);
      scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
      scanner.setJudge(lists('blur', 'netorare'), { hideAgainOffscreen: true });
      scanner.start();
      expect(scanner.showAll()).toBe(2);
      const observer = watched[0];
      if (!observer) throw new Error('no observer');
      expect([...observer.targets]).toEqual([near, far]);
      const move = (target: Element, isIntersecting: boolean) =>
        observer.callback(
          [{ target, isIntersecting } as IntersectionObserverEntry],
          observer as unknown as IntersectionObserver,
        );
      // Off screen but never seen since Show all: stays shown.
      move(far, false);
      expect(far.hasAttribute(SHOWN_ATTR)).toBe(true);
      // Seen, then scrolled away: hidden again, and no longer watched.
      move(near, true);
      move(near, false);
      expect(near.hasAttribute(SHOWN_ATTR)).toBe(false);
      expect(near.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.blur);
      expect(observer.targets.has(near)).toBe(false);
      // Turning the setting off stops watching what is still shown.
      scanner.setJudge(lists('blur', 'netorare'), { hideAgainOffscreen: false });
      expect(observer.targets.size).toBe(0);
      expect(far.hasAttribute(SHOWN_ATTR)).toBe(true);
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });
});

describe('Scanner, what it keeps per entry', () => {
  let scanner: Scanner | null = null;
  afterEach(() => {
    scanner?.stop();
    document.body.replaceChildren();
  });

  it('packs the generation and two flags into one small integer, exact past 32 bits', () => {
    expect(packMark(0, false, false)).toBe(0);
    expect(packMark(5, true, false)).toBe(22);
    expect(packMark(5, false, true)).toBe(21);
    expect(Number.isSafeInteger(packMark(2 ** 40, true, true))).toBe(true);
    expect(packMark(2 ** 40, true, true) % 4).toBe(3);
  });

  it('hashes an id to a 30-bit integer', () => {
    for (const id of ['', 'work_1', 'work_2', 'ｗｏｒｋ', 'x'.repeat(500)]) {
      const h = idHash(id);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 30).toBe(true);
      expect(idHash(id)).toBe(h);
    }
    expect(idHash('work_1')).not.toBe(idHash('work_2'));
  });

  it('entries judged alike share one verdict object', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('1', 'Netorare'), blurb('2', 'Netorare'), blurb('3', 'Fluff'), blurb('4', 'Fluff'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    const [a, b, c, d] = [...ol.children].map((el) => scanner?.verdictOf(el));
    expect(a?.action).toBe('blur');
    expect(a).toBe(b);
    expect(c?.action).toBe(null);
    expect(c).toBe(d);
  });

  it('a card recycled for another work with the same tags loses its reveal; the same work keeps it', async () => {
    const ol = document.createElement('ol');
    const card = blurb('50', 'Netorare');
    ol.append(card);
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'), withVeils());
    scanner.start();
    expect(scanner.showAll()).toBe(1);
    // Drawn again as it was: still shown.
    card.replaceChildren(...blurb('50', 'Netorare').childNodes);
    await mutationsDelivered();
    expect(card.hasAttribute(SHOWN_ATTR)).toBe(true);
    // Another work's card with the same tags: not revealed.
    card.id = 'work_51';
    card.replaceChildren(...blurb('51', 'Netorare').childNodes);
    await mutationsDelivered();
    expect(card.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.blur);
    expect(card.hasAttribute(SHOWN_ATTR)).toBe(false);
  });

  it('reads the ids once when rules start matching entries by id, and keeps them from then on', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('60', 'Fluff'), blurb('61', 'Fluff'), blurb('62', 'Fluff'));
    document.body.append(ol);
    const { adapter, reads, idReads } = countingAdapter();
    scanner = new Scanner(document, adapter, lists('hide', 'netorare'));
    scanner.start();
    expect(reads()).toBe(3);
    // Kept as hashes: late facts still find their entries.
    scanner.refresh(['work_61']);
    expect(reads()).toBe(4);
    scanner.setJudge(lists('hide', 'netorare', 'entry:ao3/61'), { needs: needsOf('entry:ao3/61') });
    expect(ol.children[1]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    expect(ol.children[0]?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(scanner.verdictOf(ol.children[1] as Element)?.reasons[0]?.text).toBe('work_61');
    const afterIds = reads();
    expect(afterIds).toBe(4 + 3); // each id read once, when the rule asked…
    expect(idReads()).toBe(3); // …alone, not with every tag
    scanner.setJudge(lists('hide', 'netorare', 'entry:ao3/62'), { needs: needsOf('entry:ao3/62') });
    expect(reads()).toBe(afterIds);
    expect(ol.children[2]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    expect(ol.children[1]?.hasAttribute(MARK_ATTR)).toBe(false);
    // Kept as text: late facts find their entries by it.
    scanner.refresh(['work_60']);
    expect(reads()).toBe(afterIds + 1);
  });

  it('with rules that match entries by id from the start, a change of rules reads nothing', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('70', 'Fluff'), blurb('71', 'Fluff'));
    document.body.append(ol);
    const { adapter, reads } = countingAdapter();
    scanner = new Scanner(document, adapter, null);
    scanner.setJudge(lists('hide', 'entry:ao3/70'), { needs: needsOf('entry:ao3/70') });
    scanner.start();
    expect(reads()).toBe(2);
    scanner.setJudge(lists('hide', 'entry:ao3/71'), { needs: needsOf('entry:ao3/71') });
    expect(reads()).toBe(2);
    expect(ol.children[1]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    expect(ol.children[0]?.hasAttribute(MARK_ATTR)).toBe(false);
  });
});
