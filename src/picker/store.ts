// The picker's state (signals) and what its controls do. The page and the browser come in as deps, so
// the unit tests drive it in happy-dom.
import { batch, computed, signal } from '@preact/signals';
import { selectorProblem } from '../sites/custom';
import { type Matched, matchAll, type Proposal, propose, repeatingAncestor } from './propose';

/** entry: pointing at an entry; tag: at one of its tags; review: the selectors, to adjust and save. */
export type Step = 'entry' | 'tag' | 'review';

export interface PickerDeps {
  doc: Document;
  /** The picker's own element, never an entry. */
  host: Element;
  /** Hands the selectors to the extension, which asks the user to confirm and grant the site. */
  save(proposal: Proposal): Promise<void>;
  /** Takes the picker off the page. */
  close(): void;
}

export class PickerStore {
  readonly step = signal<Step>('entry');
  /** What Enter or a click would choose now: the guessed entry, or the tag under the pointer. */
  readonly candidate = signal<Element | null>(null);
  readonly entry = signal<Element | null>(null);
  readonly tag = signal<Element | null>(null);
  readonly entrySelector = signal('');
  readonly tagSelector = signal('');
  readonly saving = signal(false);
  /** Save did not reach Tagveil's settings: said in the panel, which stays open with the selectors. */
  readonly saveFailed = signal(false);
  /** Bumped when the page changes its own content (the picker's MutationObserver): what is found is counted again. */
  readonly pageVersion = signal(0);
  /** Why a selector cannot be used (for the entry and the tags), or null. */
  readonly problems = computed(() => ({
    entry: this.step.value === 'review' ? selectorProblem(this.entrySelector.value, this.deps.doc) : null,
    tag: this.step.value === 'review' ? selectorProblem(this.tagSelector.value, this.deps.doc) : null,
  }));
  /** What the selectors find on this page, as the site's script would. */
  readonly matched = computed<Matched | null>(() => {
    if (this.step.value !== 'review') return null;
    void this.pageVersion.value;
    const { entry, tag } = this.problems.value;
    if (entry || tag) return null;
    return matchAll(
      this.deps.doc,
      { entrySelector: this.entrySelector.value, tagSelector: this.tagSelector.value },
      this.deps.host,
    );
  });
  readonly canSave = computed(
    () =>
      !this.saving.value &&
      (this.matched.value?.entries.length ?? 0) > 0 &&
      (this.matched.value?.tags.length ?? 0) > 0,
  );
  /** The deepest element pointed at, so ArrowDown can come back down after ArrowUp. */
  private pointed: Element | null = null;

  constructor(readonly deps: PickerDeps) {}

  private inPage(el: Element | null): el is Element {
    const { doc, host } = this.deps;
    return !!el && el !== doc.body && el !== doc.documentElement && !host.contains(el) && doc.contains(el);
  }

  /** The pointer or the keyboard's focus is on `el`. */
  point(el: Element | null): void {
    if (!this.inPage(el)) return;
    if (this.step.value === 'entry') {
      this.pointed = el;
      this.candidate.value = repeatingAncestor(el);
    } else if (this.step.value === 'tag') {
      const entry = this.entry.value;
      if (entry && entry !== el && entry.contains(el)) {
        this.pointed = el;
        this.candidate.value = el;
      }
    }
  }

  /** ArrowUp: the candidate's parent (inside the entry while picking a tag). */
  up(): void {
    const at = this.candidate.value;
    const parent = at?.parentElement ?? null;
    if (!this.inPage(parent)) return;
    if (this.step.value === 'tag' && (parent === this.entry.value || !this.entry.value?.contains(parent)))
      return;
    this.candidate.value = parent;
  }

  /** ArrowDown: back toward the element pointed at. */
  down(): void {
    const at = this.candidate.value;
    let child = this.pointed;
    if (!at || !child || child === at || !at.contains(child)) return;
    while (child.parentElement && child.parentElement !== at) child = child.parentElement;
    this.candidate.value = child;
  }

  /** Click or Enter: choose the candidate (or `el`) as the entry, then as the tag. */
  choose(el: Element | null = this.candidate.value): void {
    if (!this.inPage(el)) return;
    if (this.step.value === 'entry') {
      batch(() => {
        this.entry.value = el;
        this.candidate.value = null;
        this.step.value = 'tag';
      });
    } else if (this.step.value === 'tag') {
      const entry = this.entry.value;
      if (!entry || el === entry || !entry.contains(el)) return;
      this.review(entry, el);
    }
  }

  private review(entry: Element, tag: Element): void {
    const proposal = propose(entry, tag);
    batch(() => {
      this.entry.value = entry;
      this.tag.value = tag;
      this.candidate.value = null;
      this.entrySelector.value = proposal.entrySelector;
      this.tagSelector.value = proposal.tagSelector;
      this.step.value = 'review';
    });
  }

  /** A wider entry: the picked entry's parent, with the selectors proposed again. */
  wider(): void {
    const entry = this.entry.value;
    const tag = this.tag.value;
    const parent = entry?.parentElement ?? null;
    if (!tag || !this.inPage(parent)) return;
    this.review(parent, tag);
  }

  /** A narrower entry: the picked entry's child on the way to the tag. */
  narrower(): void {
    const entry = this.entry.value;
    const tag = this.tag.value;
    if (!entry || !tag) return;
    let child: Element = tag;
    while (child.parentElement && child.parentElement !== entry) child = child.parentElement;
    if (child === tag) return; // the tag must stay inside its entry
    this.review(child, tag);
  }

  get canWiden(): boolean {
    return this.inPage(this.entry.value?.parentElement ?? null);
  }

  get canNarrow(): boolean {
    return this.tag.value?.parentElement !== this.entry.value;
  }

  restart(): void {
    batch(() => {
      this.step.value = 'entry';
      this.entry.value = null;
      this.tag.value = null;
      this.candidate.value = null;
    });
  }

  async save(): Promise<void> {
    if (!this.canSave.value) return;
    this.saving.value = true;
    this.saveFailed.value = false;
    try {
      await this.deps.save({
        entrySelector: this.entrySelector.value.trim(),
        tagSelector: this.tagSelector.value.trim(),
      });
      this.deps.close();
    } catch {
      // The settings page did not open (the background refused the selectors or could not open a tab):
      // the panel stays, with what the user picked, and says so.
      this.saveFailed.value = true;
    } finally {
      this.saving.value = false;
    }
  }

  cancel(): void {
    this.deps.close();
  }
}
