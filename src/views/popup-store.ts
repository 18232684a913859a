// The popup's state (signals) and what its controls do. Everything that reaches outside — storage, the
// page's content script, tabs, time — comes in as PopupDeps, so the unit tests run it against fakes.
import { batch, computed, signal } from '@preact/signals';
import type { CountMatchesAnswer, PageEntries, PageState } from '../messages';
import { addEntryRule, removeEntryRule } from '../rules/entry-rules';
import type { Settings } from '../settings/schema';
import type { LoadedSettings } from '../settings/store';
import { SITES } from '../sites/registry';
import type { SiteAdapter } from '../sites/types';
import { errorText, ruleErrorText, t } from '../ui/i18n';
import {
  addRule,
  type BlockMode,
  blockRule,
  listState,
  removeRules,
  type SeenTag,
  seenTagRule,
} from './popup-model';

export interface PopupDeps {
  loadSettings(): Promise<LoadedSettings>;
  watchSettings(onChange: (loaded: LoadedSettings) => void): () => void;
  /** The settings writer: it stores what validates and says what it had to leave out (`cut`). */
  changeSettings(change: (settings: Settings) => void): Promise<{ cut: string[] }>;
  /** The page's content script: its state, or (show-all) reveal everything and its state; null: none. */
  askPage(type: 'tagveil:get-page-state' | 'tagveil:show-all'): Promise<PageState | null>;
  countMatches(rule: string, aliases: string[][]): Promise<CountMatchesAnswer | null>;
  /** The page's entries (id, title) for "Hide" from the popup; null: the page did not answer. */
  listEntries(): Promise<PageEntries | null>;
  /** Spellings the site's tags are named by (bundled and learned), for a site that writes ids. */
  dictionary(siteId: string): Promise<ReadonlyMap<string, string> | undefined>;
  /** https origin of the tab, when it has no catalog Tagveil knows (to offer adding the site). */
  tabOrigin: string | null;
  openOptions(query: string): void;
  /** Starts the picker in the tab (where the popup may inject it); absent: the options form instead. */
  startPicker?(): Promise<void>;
  openOptionsPage(): void;
  now(): number;
  later(fn: () => void, ms: number): void;
}

/** After a settings write, the page re-judges on its own storage event; the popup asks it again then. */
export const PAGE_REFRESH_DELAYS_MS = [100, 600];
/** Time after the last keystroke before the page is asked how many entries the typed tag matches. */
export const COUNT_DELAY_MS = 120;
/** How long a flipped switch is shown as flipped over what storage says (its write's echo comes in ms). */
export const FLIP_KEPT_MS = 1_000;
/** "Pause for 1 hour". */
export const PAUSE_MS = 60 * 60 * 1000;

export interface Notice {
  text: string;
  error: boolean;
  /** What Undo does, when the notice offers it. */
  undo?: { change: (s: Settings) => void; done: string };
}

export class PopupStore {
  readonly settings = signal<LoadedSettings | null>(null);
  readonly page = signal<PageState | null>(null);
  readonly dictionary = signal<ReadonlyMap<string, string> | undefined>(undefined);
  readonly text = signal('');
  readonly mode = signal<BlockMode>('tag');
  readonly chosenList = signal<string | null>(null);
  readonly seenList = signal<string | null>(null);
  readonly tagFilter = signal('');
  readonly count = signal<(CountMatchesAnswer & { rule: string }) | null>(null);
  readonly notice = signal<Notice | null>(null);
  /** The page's entries, once asked for (the list is opened): 'asking' meanwhile, null when it did not answer. */
  readonly entries = signal<PageEntries | 'asking' | null>(null);
  readonly entryFilter = signal('');
  /** Tags blocked from the page's tag list in this popup, with how to take them back. */
  readonly blockedTags = signal<ReadonlyMap<string, { listId: string; rule: string }>>(new Map());
  readonly rule = computed(() => blockRule(this.text.value, this.mode.value));
  readonly adapter = computed<SiteAdapter | undefined>(() => {
    const id = this.page.value?.site.id;
    return SITES.find((s) => s.id === id);
  });
  private countAsked = 0;
  /** The settings as last read from storage. */
  private received: LoadedSettings | null = null;
  /**
   * Switches the user flipped whose write may not have come back yet: shown on top of what was read, so
   * a stored copy from an earlier write cannot flip a checkbox back under the user's hand.
   */
  private flipped: ((s: Settings) => void)[] = [];

  constructor(readonly deps: PopupDeps) {}

  now(): number {
    return this.deps.now();
  }

  async start(): Promise<void> {
    const [loaded, page] = await Promise.all([
      this.deps.loadSettings(),
      this.deps.askPage('tagveil:get-page-state'),
    ]);
    batch(() => {
      this.received = loaded;
      this.show();
      this.page.value = page;
    });
    if (page) this.dictionary.value = await this.deps.dictionary(page.site.id);
    this.deps.watchSettings((next) => {
      this.received = next;
      this.show();
      this.refreshPageSoon();
    });
  }

  private refreshPageSoon(): void {
    for (const delay of PAGE_REFRESH_DELAYS_MS)
      this.deps.later(() => {
        void this.deps.askPage('tagveil:get-page-state').then((page) => {
          this.page.value = page;
        });
      }, delay);
  }

  private show(): void {
    const received = this.received;
    if (!received) return;
    if (this.flipped.length === 0) {
      this.settings.value = received;
      return;
    }
    const settings = structuredClone(received.settings);
    for (const flip of this.flipped) flip(settings);
    this.settings.value = { ...received, settings };
  }

  /** A switch's change: shown at once, written, and kept on top of what is read until its write is surely back. */
  async flip(change: (s: Settings) => void): Promise<boolean> {
    this.flipped.push(change);
    this.show();
    const saved = await this.change(change);
    this.deps.later(() => {
      this.flipped = this.flipped.filter((c) => c !== change);
      this.show();
    }, FLIP_KEPT_MS);
    if (!saved) {
      this.flipped = this.flipped.filter((c) => c !== change);
      this.show();
    }
    return saved;
  }

  /** A settings change; a failed write says why in the notice. */
  async change(change: (s: Settings) => void, notice: Notice | null = null): Promise<boolean> {
    try {
      const { cut } = await this.deps.changeSettings(change);
      if (cut.length > 0) {
        // The writer left something out (a rule over the length limit): never say "Blocked" for it.
        this.notice.value = { text: t('notSavedCut', cut.join('; ')), error: true };
        return false;
      }
      this.notice.value = notice;
      return true;
    } catch (error) {
      this.notice.value = {
        text: t('couldNotSave', errorText(error)),
        error: true,
      };
      return false;
    }
  }

  setText(text: string): void {
    batch(() => {
      this.text.value = text;
      // A notice stays until the next action: typing is one.
      this.notice.value = null;
    });
    this.countSoon();
  }

  setMode(mode: BlockMode): void {
    this.mode.value = mode;
    this.notice.value = null;
    this.countSoon();
  }

  /** Asks the page how many entries the typed tag or rule matches, once typing pauses. */
  private countSoon(): void {
    const asked = ++this.countAsked;
    this.deps.later(() => {
      const typed = this.rule.value;
      if (asked !== this.countAsked || !typed.ok || !this.page.value) return;
      const aliases = this.settings.value?.settings.aliases ?? [];
      void this.deps.countMatches(typed.rule, aliases).then((answer) => {
        // Only the answer to the latest question is shown.
        if (asked === this.countAsked && answer) this.count.value = { ...answer, rule: typed.rule };
      });
    }, COUNT_DELAY_MS);
  }

  private listName(listId: string): string {
    return this.settings.value?.settings.lists.find((l) => l.id === listId)?.name ?? '';
  }

  /** The block box's Block: the typed tag (or rule) joins the list; the notice says so, with Undo. */
  async block(listId: string): Promise<void> {
    const typed = this.rule.value;
    if (!typed.ok) {
      this.notice.value = {
        text: typed.empty ? t('typeATag') : t('columnError', typed.column, ruleErrorText(typed)),
        error: true,
      };
      return;
    }
    const { rule } = typed;
    const asTyped = this.text.value;
    let outcome = 'missing' as ReturnType<typeof addRule>;
    let state = 'on' as ReturnType<typeof listState>;
    const saved = await this.change((s) => {
      outcome = addRule(s, listId, rule);
      const list = s.lists.find((l) => l.id === listId);
      if (list) state = listState(list, this.now());
    });
    if (!saved) return;
    if (outcome === 'missing') {
      // The list went away meanwhile (deleted on another page or device): the typed tag stays in the box.
      this.notice.value = { text: t('popup_listMissing'), error: true };
      return;
    }
    const name = this.listName(listId);
    if (outcome === 'had') {
      this.notice.value = { text: t('popup_already', rule, name), error: false };
      return;
    }
    const matches = this.count.value?.rule === rule ? this.count.value.matches : null;
    const key: Parameters<typeof t>[0] =
      state === 'off' ? 'popup_blockedOff' : state === 'paused' ? 'popup_blockedPaused' : 'popup_blocked';
    let text = t(key, rule, name);
    if (matches !== null && state === 'on') text += ` ${t('popup_blockedMatches', matches)}`;
    batch(() => {
      // What the user typed while the save ran is theirs: only the tag just blocked leaves the box.
      if (this.text.value === asTyped) this.text.value = '';
      this.notice.value = {
        text,
        error: false,
        undo: { change: (s) => removeRules(s, listId, [rule]), done: t('popup_undone', rule, name) },
      };
    });
  }

  async undo(): Promise<void> {
    const undo = this.notice.value?.undo;
    if (!undo) return;
    await this.change(undo.change, { text: undo.done, error: false });
  }

  /** A reason's ×: the rules of that list that caught the tag go, with Undo. */
  async unblock(listId: string, rules: string[], label: string): Promise<void> {
    const name = this.listName(listId);
    await this.change((s) => removeRules(s, listId, rules), {
      text: t('popup_unblocked', label, name),
      error: false,
      undo: {
        change: (s) => {
          for (const rule of rules) addRule(s, listId, rule);
        },
        done: t('popup_reblocked', label, name),
      },
    });
  }

  /** Undo of "Hide this one": the entry's rule leaves every list, with Undo to hide it again. */
  async unhideOne(site: string, id: string, label: string): Promise<void> {
    await this.change((s) => void removeEntryRule(s, site, id), {
      text: t('popup_hideOneUndone', label),
      error: false,
      undo: {
        change: (s) => void addEntryRule(s, site, id, t('hiddenOneByOneList')),
        done: t('popup_hideOneRedone', label),
      },
    });
  }

  /** Asks the page for its entries, the first time the list is opened. */
  async loadEntries(): Promise<void> {
    if (this.entries.value !== null) return;
    this.entries.value = 'asking';
    this.entries.value = await this.deps.listEntries().catch(() => null);
  }

  /**
   * An entry row's Hide: the entry's id joins the "Hidden entries" list, with its title to know it by
   * there; the row itself turns into "Hidden · Undo" (it reads the settings).
   */
  async hideEntry(site: string, id: string, title: string): Promise<void> {
    await this.change((s) => void addEntryRule(s, site, id, t('hiddenOneByOneList'), undefined, title));
  }

  /** A tag row's Block: the row itself turns into "Blocked · Undo". */
  async blockSeen(seen: SeenTag, listId: string): Promise<void> {
    const rule = seenTagRule(seen);
    let outcome = 'missing' as ReturnType<typeof addRule>;
    const saved = await this.change((s) => {
      outcome = addRule(s, listId, rule);
    });
    if (!saved) return;
    if (outcome === 'missing') {
      this.notice.value = { text: t('popup_listMissing'), error: true };
      return;
    }
    if (outcome === 'had') {
      this.notice.value = { text: t('popup_already', rule, this.listName(listId)), error: false };
      return;
    }
    const next = new Map(this.blockedTags.value);
    next.set(seen.tag, { listId, rule });
    this.blockedTags.value = next;
  }

  async undoTag(tag: string): Promise<void> {
    const done = this.blockedTags.value.get(tag);
    if (!done) return;
    if (!(await this.change((s) => removeRules(s, done.listId, [done.rule])))) return;
    const next = new Map(this.blockedTags.value);
    next.delete(tag);
    this.blockedTags.value = next;
  }

  setPaused(on: boolean): Promise<boolean> {
    return this.change((s) => {
      if (on) s.pausedUntil = this.now() + PAUSE_MS;
      else delete s.pausedUntil;
    });
  }

  resumeList(listId: string): Promise<boolean> {
    return this.change((s) => {
      const list = s.lists.find((l) => l.id === listId);
      if (list) delete list.snoozedUntil;
    });
  }

  async showAll(): Promise<void> {
    this.page.value = await this.deps.askPage('tagveil:show-all');
  }
}
