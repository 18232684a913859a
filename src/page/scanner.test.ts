// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../rules/compile';
import { ao3 } from '../sites/ao3';
import { Scanner } from './scanner';
import { MARK_ATTR, SEEN_ATTR, VEIL_TAG } from './styles';

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
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'));
    scanner.start();
    const [a, b] = ol.children;
    expect(a?.getAttribute(MARK_ATTR)).toBe('hide');
    expect(b?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.hasAttribute(SEEN_ATTR)).toBe(true);
    expect(scanner.stats().counts).toEqual({ hide: 1, collapse: 0, blur: 0, label: 0 });
  });

  it('judges entries added later, and puts a veil with the reason on blurred ones', async () => {
    const ol = document.createElement('ol');
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('blur', 'netorare'));
    scanner.start();
    ol.append(blurb('3', 'Fluff', 'netorare'));
    await mutationsDelivered();
    const entry = ol.firstElementChild;
    expect(entry?.getAttribute(MARK_ATTR)).toBe('blur');
    expect(entry?.firstElementChild?.tagName.toLowerCase()).toBe(VEIL_TAG);
    const stats = scanner.stats();
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

  it('judges a recycled card again when its tags change', async () => {
    const ol = document.createElement('ol');
    const card = blurb('4', 'Fluff');
    ol.append(card);
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'));
    scanner.start();
    expect(card.hasAttribute(MARK_ATTR)).toBe(false);
    const a = card.querySelector('a.tag');
    if (a) a.textContent = 'Netorare';
    const item = card.querySelector('ul.tags li');
    item?.replaceWith(item.cloneNode(true));
    await mutationsDelivered();
    expect(card.getAttribute(MARK_ATTR)).toBe('hide');
  });

  it('re-judges on new rules and removes marks that no longer apply; stop removes them all', () => {
    const ol = document.createElement('ol');
    ol.append(blurb('5', 'Netorare'), blurb('6', 'Gore'));
    document.body.append(ol);
    scanner = new Scanner(document, ao3, lists('hide', 'netorare'));
    scanner.start();
    scanner.setJudge(lists('label', 'gore'));
    const [a, b] = ol.children;
    expect(a?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.getAttribute(MARK_ATTR)).toBe('label');
    scanner.stop();
    expect(b?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(b?.querySelector(VEIL_TAG)).toBeNull();
  });
});
