import { fold } from '../rules/normalize';
import type { LineReader } from '../rules/parsed-lines';
import { ALL_FACTS, type EntryFacts, type FactNeeds, type RuleList, type Tag } from '../rules/types';
import type { PageWork } from './page-data';

/**
 * Knows how one site writes its catalog. Returns plain data and touches nothing.
 * The file name under src/sites is the id.
 */
export interface SiteAdapter {
  /** kebab-case, equal to the file name. */
  id: string;
  /** Shown to the user ("Archive of Our Own"). */
  name: string;
  /** Manifest match patterns of the pages the content script runs on. */
  matches: string[];
  /** CSS selector of one catalog entry's root element. */
  entrySelector: string;
  /**
   * Reads one entry (an element matching `entrySelector`). `needs` says which facts beyond the id and tags
   * some rule asks about: an adapter may skip reading the others (default: all).
   */
  read(entry: Element, needs?: FactNeeds): EntryFacts;
  /**
   * An entry's id alone, the same as `read` gives (a unit test holds them equal on the real pages): what
   * "Hide this one" and the first `entry:` rule of a page need, without reading every tag. Absent where
   * `read` is as cheap.
   */
  readId?(entry: Element): string;
  /**
   * The site's own spellings → canonical names (folded spelling → name), so rules written once match
   * every site: DLsite's 合意なし is "non-consent". The matcher tries both.
   */
  dictionary?: Map<string, string>;
  /** Spellings the page itself teaches (nhentai's gallery pages name their tag ids): spelling → name. */
  learnDictionary?(doc: Document): Record<string, string>;
  /** Whether this page should list entries (for the "layout may have changed" warning). */
  expectsEntries?(doc: Document): boolean;
  /** Completes what list rows show with the site's own look-up (opt-in: settings.completeTags). */
  createTagSource?(deps: TagSourceDeps): TagSource | null;
  /**
   * The site has an opt-in look-up that its own content script adds (kept out of the popup and the other
   * sites; in Chromium its code is loaded only when completion first needs it, src/page/lookup-loader.ts):
   * the popup shows the completion switch there too.
   */
  lookupInOwnScript?: true;
  /**
   * The site's cards carry an id and its pages load their facts as data (pixiv, hitomi.la, MangaDex): read
   * in the page's main world and handed over (src/page/facts-page.ts).
   */
  pageData?: {
    /** Cards wait (held back, within a bound) for their work's facts: their markup has no tags. */
    holdCards: boolean;
    /** Works the page embeds in its markup (pixiv's meta#meta-preload-data), read once it is parsed. */
    embedded?(doc: Document): PageWork[];
  };
  /** The address of the list's next page, from the page's own pagination; null on the last page. */
  nextPage?(doc: Document): string | null;
  /** A single work's or gallery's own page: warned about as a whole before it shows. */
  detail?: {
    isDetailPage(url: URL): boolean;
    /** The page's facts, once it is parsed; null when it does not look like a detail page after all. */
    read(doc: Document): EntryFacts | null;
  };
  /** Where the reason line goes when the entry itself cannot hold it (a table row); default the entry. */
  veilAnchor?(entry: Element): Element | null;
  /** The site's links to one tag, for the context menu's "Hide entries tagged ‘X’". */
  tagLink?: {
    /** Match patterns of tag links (the menu shows only on these). */
    patterns: string[];
    /** The tag a link names, as the site spells it; null when the link is not a tag's. */
    read(url: URL): string | null;
  };
}

/** More tags for an entry than its row shows (E-Hentai's API), and whether the entry should wait for them. */
export interface TagSource {
  extraTags(id: string): Tag[] | undefined;
  /** True while the entry should stay held back for its tags; asks for them the first time. */
  awaiting(id: string): boolean;
  /** Loads what it cached on earlier visits. */
  init(): Promise<void>;
  /** What went wrong (shown in the popup); entries were shown with what their rows have. */
  readonly errors: readonly string[];
  /**
   * The lists in force changed (a source that looks up what rules name reads them here), each line as
   * `read` gives it: the page's parses, the same the matcher compiled from.
   */
  configure?(lists: readonly RuleList[], site: string, read: LineReader): void;
  /** Rules this page cannot apply until the source has looked their names up, as `kind:name`. */
  unresolved?(): string[];
}

/** Tags a tag source fetched for one entry (as `namespace:name`), and when: its local cache's records. */
export interface CachedTags {
  tags: string[];
  at: number;
}

/** What a tag source needs from the page runtime. */
export interface TagSourceDeps {
  origin: string;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => void;
  onSettled: (ids: string[]) => void;
  /** Whether the page's own data already gave this work's facts (a look-up never asks for those). */
  pageKnows?: (id: string) => boolean;
}

/** Builds a dictionary from readable pairs; keys are folded as tags are. */
export function defineDictionary(pairs: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(pairs).map(([spelling, name]) => [fold(spelling), name]));
}

/** Adds learned spellings to an adapter's dictionary; returns how many were new. */
export function learnInto(dictionary: Map<string, string>, pairs: Record<string, string>): number {
  let added = 0;
  for (const [spelling, name] of Object.entries(pairs)) {
    const key = fold(spelling);
    if (dictionary.get(key) === name) continue;
    dictionary.set(key, name);
    added++;
  }
  return added;
}

/** Reads an entry and gives each tag the name the site's dictionary has for it. */
export function readEntry(adapter: SiteAdapter, entry: Element, needs: FactNeeds = ALL_FACTS): EntryFacts {
  const facts = adapter.read(entry, needs);
  const dictionary = adapter.dictionary;
  if (!dictionary) return facts;
  facts.tags = facts.tags.map((tag): Tag => {
    const canonical = dictionary.get(fold(tag.name));
    return canonical === undefined ? tag : { ...tag, canonical };
  });
  return facts;
}

const UNTIDY_SPACE = /\s\s|[\t\n\r\f]/u;

/** An element's text with white space tidied (cheaply: most tag texts need nothing). */
export function text(el: Element | null | undefined): string {
  const raw = el?.textContent ?? '';
  return UNTIDY_SPACE.test(raw) ? raw.replace(/\s+/gu, ' ').trim() : raw.trim();
}
