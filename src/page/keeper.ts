/**
 * Keeps Tagveil's own elements in the page (its stylesheets, the detail page's warning) in force while
 * they are meant to be: a page that removes one, edits it or switches its sheet off gets a fresh copy.
 * Removals and edits are seen at once (one MutationObserver on the few elements kept and their parents);
 * a sheet switched off through the CSSOM, which no observer sees, at the next check() (after each
 * judging pass).
 */

export interface Kept {
  /** The element in force now (a fresh one after the page tampered with the last). */
  readonly element: Element;
  /** Ends the keeping and removes the element. */
  release(): void;
}

interface Entry {
  element: Element;
  create: () => Element;
  intact: (element: Element) => boolean;
}

/** A style element with `css`, its sheet on and with all its rules. */
function styleIntact(css: string, rules: number): (element: Element) => boolean {
  return (element) => {
    const style = element as HTMLStyleElement;
    if (style.textContent !== css || style.media !== '' || style.attributes.length > 0) return false;
    const sheet = style.sheet;
    // A detached or not yet parsed style has no sheet; isConnected covers the first.
    return sheet === null || (!sheet.disabled && sheet.cssRules.length === rules);
  };
}

export class Keeper {
  readonly #kept = new Set<Entry>();
  #observer: MutationObserver | null = null;

  readonly #doc: Document;
  constructor(doc: Document) {
    this.#doc = doc;
  }

  /** A style element with `css`, in <head> (or <html> before there is one), kept in force. */
  style(css: string): Kept {
    let rules = -1;
    const create = () => {
      const style = this.#doc.createElement('style');
      style.textContent = css;
      // At document_start there is no <head> yet; <html> takes the element just as well.
      (this.#doc.head ?? this.#doc.documentElement).append(style);
      if (rules < 0) rules = style.sheet?.cssRules.length ?? 0;
      return style;
    };
    const check = (element: Element) => styleIntact(css, rules)(element);
    return this.#keep(create, check);
  }

  /** An element `create` makes and attaches; made again whenever it is detached or its attributes change. */
  element(create: () => Element): Kept {
    return this.#keep(create, () => true);
  }

  /** Renews what the page tampered with in ways no observer reports (a sheet switched off). */
  check(): void {
    let renewed = false;
    for (const entry of this.#kept) renewed = this.#renewIfBroken(entry) || renewed;
    if (renewed) this.#observe();
  }

  /** Releases everything kept (the content script's context ends). */
  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    for (const entry of this.#kept) entry.element.remove();
    this.#kept.clear();
  }

  #keep(create: () => Element, intact: (element: Element) => boolean): Kept {
    const entry: Entry = { element: create(), create, intact };
    this.#kept.add(entry);
    this.#observe();
    return {
      get element() {
        return entry.element;
      },
      release: () => {
        this.#kept.delete(entry);
        entry.element.remove();
        this.#observe();
      },
    };
  }

  #renewIfBroken(entry: Entry): boolean {
    if (entry.element.isConnected && entry.intact(entry.element)) return false;
    entry.element.remove();
    entry.element = entry.create();
    return true;
  }

  readonly #onMutations = (records: MutationRecord[]): void => {
    const attributes = new Set<Node>();
    for (const record of records) if (record.type === 'attributes') attributes.add(record.target);
    let renewed = false;
    for (const entry of this.#kept) {
      if (attributes.has(entry.element)) entry.element.remove(); // an element of ours restyled by the page
      renewed = this.#renewIfBroken(entry) || renewed;
    }
    if (renewed) this.#observe();
  };

  /** Watches each kept element (its attributes and content) and where it sits. */
  #observe(): void {
    this.#observer?.disconnect();
    if (this.#kept.size === 0) {
      this.#observer = null;
      return;
    }
    this.#observer ??= new MutationObserver(this.#onMutations);
    const root = this.#doc.documentElement;
    this.#observer.observe(root, { childList: true });
    for (const { element } of this.#kept) {
      const parent = element.parentNode;
      if (parent && parent !== root) this.#observer.observe(parent, { childList: true });
      this.#observer.observe(element, {
        attributes: true,
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  }
}
