import type { Tag } from '../rules/types';

/**
 * An entry's facts kept as small numbers: every distinct tag of the page once (TagTable), and each
 * entry's tags as a run of tag ids in one shared typed array (FactsPool). A change of rules judges the
 * page again from these, with no DOM read; reading an entry again compares its tags with the run kept.
 */

/** A tag's namespace slot when it has none (distinct from an empty namespace). */
const NO_NAMESPACE = '\u0002';

/** Past this many distinct tags on one page, a fresh table (and pool) is started. */
export const MAX_TABLE_TAGS = 500_000;
/** Past this many ids kept (4 bytes each, most of them stale after heavy recycling), a fresh pool. */
export const MAX_POOL_IDS = 4_000_000;

/** Each distinct tag (name, namespace and dictionary name) of the page, by a number from 0. */
export class TagTable {
  readonly #byName = new Map<string, Map<string, number>>();
  readonly tags: Tag[] = [];

  id(tag: Tag): number {
    let byRest = this.#byName.get(tag.name);
    if (!byRest) {
      byRest = new Map();
      this.#byName.set(tag.name, byRest);
    }
    const ns = tag.namespace ?? NO_NAMESPACE;
    const rest = tag.canonical === undefined ? ns : `${ns}\u0001${tag.canonical}`;
    let id = byRest.get(rest);
    if (id === undefined) {
      id = this.tags.length;
      this.tags.push(tag);
      byRest.set(rest, id);
    }
    return id;
  }

  get size(): number {
    return this.tags.length;
  }
}

/**
 * Runs of tag ids, appended; a run is addressed by its offset and length. A recycled card appends a new
 * run and leaves its old one unused: past MAX_POOL_IDS the caller starts a fresh pool (see `full`).
 */
export class FactsPool {
  readonly table = new TagTable();
  #ids = new Uint32Array(4_096);
  #used = 0;
  /** The tags of the entry read last, as ids, until kept or compared. */
  #scratch = new Uint32Array(64);
  #scratchLength = 0;

  /** Interns `tags` into the scratch run; returns its length. */
  intern(tags: readonly Tag[]): number {
    if (tags.length > this.#scratch.length) this.#scratch = new Uint32Array(tags.length * 2);
    const scratch = this.#scratch;
    const table = this.table;
    for (let i = 0; i < tags.length; i++) scratch[i] = table.id(tags[i] as Tag);
    this.#scratchLength = tags.length;
    return tags.length;
  }

  /** Whether the run at `at` (of `length`) holds the scratch run. */
  sameAsScratch(at: number, length: number): boolean {
    if (length !== this.#scratchLength) return false;
    const ids = this.#ids;
    const scratch = this.#scratch;
    for (let i = 0; i < length; i++) if (ids[at + i] !== scratch[i]) return false;
    return true;
  }

  /** Keeps the scratch run; returns its offset. */
  keepScratch(): number {
    const length = this.#scratchLength;
    if (this.#used + length > this.#ids.length) {
      const grown = new Uint32Array(Math.max(this.#ids.length * 2, this.#used + length));
      grown.set(this.#ids.subarray(0, this.#used));
      this.#ids = grown;
    }
    const at = this.#used;
    this.#ids.set(this.#scratch.subarray(0, length), at);
    this.#used += length;
    return at;
  }

  /** The tags of the run at `at`, as Tag objects shared by every entry that carries them. */
  tagsAt(at: number, length: number): Tag[] {
    const tags = new Array<Tag>(length);
    const all = this.table.tags;
    const ids = this.#ids;
    for (let i = 0; i < length; i++) tags[i] = all[ids[at + i] as number] as Tag;
    return tags;
  }

  /** The ids of the run at `at` (a view, valid until the next keepScratch). */
  idsAt(at: number, length: number): Uint32Array {
    return this.#ids.subarray(at, at + length);
  }

  /** Past its bounds: the caller should start a fresh pool (every entry is then read again once). */
  get full(): boolean {
    return this.#used > MAX_POOL_IDS || this.table.size > MAX_TABLE_TAGS;
  }

  /** Bytes of ids held (the typed array's size, outside the JS heap's own count). */
  get bytes(): number {
    return this.#ids.byteLength;
  }
}
