import * as z from 'zod/mini';
import { isParsedLines, type ParsedLines } from './rules/parsed-lines';
import { isPreparedRegexes, type PreparedRegexes } from './rules/regex-verdicts';
import { isMessage, type Message } from './settings/message';
import { ActionSchema, MAX_PATTERN_LENGTH } from './settings/schema';
import { selectorTextProblem } from './sites/custom';

/** Messages between the popup and the content script; validated on receipt, whoever sent them. */
export const GetPageStateSchema = z.object({ type: z.literal('tagveil:get-page-state') });
/** "Show all on this page": reveals every entry acted on; answers with the page state. */
export const ShowAllSchema = z.object({ type: z.literal('tagveil:show-all') });
/** A rule's accepted expressions, prepared (rules/regex-verdicts.ts): pages carry no ReDoS check. */
export const PreparedRegexesSchema = z.custom<PreparedRegexes>(isPreparedRegexes);
/**
 * Popup → content script: how many entries of the page a rule (as the user is typing it) would match,
 * with the user's alias groups; answered with CountMatchesAnswer.
 */
export const CountMatchesSchema = z.object({
  type: z.literal('tagveil:count-matches'),
  rule: z.string().check(z.maxLength(MAX_PATTERN_LENGTH)),
  aliases: z.optional(z.array(z.array(z.string().check(z.maxLength(MAX_PATTERN_LENGTH))))),
  /** The typed rule's expressions, checked and prepared by the popup before asking. */
  regex: z.optional(PreparedRegexesSchema),
  /** The popup's parse of the typed rule: the page has no parser (rules/parsed-lines.ts checks it). */
  parsed: z.optional(z.custom<ParsedLines>(isParsedLines)),
});
export const CountMatchesAnswerSchema = z.object({ entries: z.int(), matches: z.int() });
export type CountMatchesAnswer = z.infer<typeof CountMatchesAnswerSchema>;
/**
 * Background → content script, after a click on "Hide this entry": the entry the user right-clicked
 * (the last trusted contextmenu event, if recent), answered with EntryAtMenuAnswerSchema or null.
 */
export const EntryAtMenuSchema = z.object({ type: z.literal('tagveil:entry-at-menu') });
/** A site's id (`ao3`, an added site's `custom-example-com`) and an entry's id as an entry rule holds them. */
const SiteIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/u));
const EntryIdSchema = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\s#]+$/u));
export const EntryAtMenuAnswerSchema = z.nullable(z.object({ site: SiteIdSchema, id: EntryIdSchema }));
export type EntryAtMenuAnswer = z.infer<typeof EntryAtMenuAnswerSchema>;
/** Popup → content script: the page's entries (id and title) for "Hide" in the popup; PageEntriesSchema. */
export const ListEntriesSchema = z.object({ type: z.literal('tagveil:list-entries') });
/** Longest title an entry is listed with in the popup. */
export const MAX_LISTED_TITLE_LENGTH = 300;
/** Most entries the popup is told of (a 10,000-work page lists its first ones; the filter finds among them). */
export const MAX_LISTED_ENTRIES = 2_000;
export const PageEntriesSchema = z.object({
  site: SiteIdSchema,
  /** Entries on the page with an id, each once, in the page's order (at most MAX_LISTED_ENTRIES). */
  entries: z
    .array(
      z.object({
        id: EntryIdSchema,
        title: z.string().check(z.maxLength(MAX_LISTED_TITLE_LENGTH)),
      }),
    )
    .check(z.maxLength(MAX_LISTED_ENTRIES)),
  /** How many entries with an id the page has, listed or not. */
  total: z.int(),
});
export type PageEntries = z.infer<typeof PageEntriesSchema>;
export const PageRequestSchema = z.discriminatedUnion('type', [
  GetPageStateSchema,
  ShowAllSchema,
  CountMatchesSchema,
  EntryAtMenuSchema,
  ListEntriesSchema,
]);

export const RuleCountSchema = z.object({
  listName: z.string(),
  rule: z.string(),
  action: ActionSchema,
  /** Tags (as the site wrote them) this rule matched on the page. */
  tags: z.array(z.string()),
  entries: z.int(),
});

export const PageStateSchema = z.object({
  site: z.object({ id: z.string(), name: z.string() }),
  /** False when Tagveil is off, or off for this site. */
  active: z.boolean(),
  /** Audit mode: counts are what the rules would do. */
  audit: z.boolean(),
  entries: z.int(),
  counts: z.object({
    hide: z.int(),
    collapse: z.int(),
    blur: z.int(),
    label: z.int(),
  }),
  rules: z.array(RuleCountSchema),
  /** Tags on this page as the site wrote them, with the number of entries carrying each. */
  tags: z.array(z.object({ tag: z.string(), entries: z.int() })),
  /** Where the content script's time went on this page, in milliseconds. */
  timing: z.object({
    /** The content script's start before it looked at the page: its code set up, WXT's context. */
    startupMs: z.number(),
    totalMs: z.number(),
    lastPassMs: z.number(),
    lastPassEntries: z.int(),
    lastBatchMs: z.number(),
    lastBatchEntries: z.int(),
  }),
  /**
   * Things the user should know (settings that failed to load, rules that did not parse), as messages the
   * popup words in the user's language: the page carries none.
   */
  problems: z.array(z.custom<Message>(isMessage)),
  /**
   * Rules this listing cannot apply until their names are looked up on the site (`artist:name`): the
   * popup offers the look-up, which is the completeTags setting turned on.
   */
  unresolved: z.optional(z.array(z.string())),
});

export type PageState = z.infer<typeof PageStateSchema>;
export type RuleCount = z.infer<typeof RuleCountSchema>;

/** Content script → background: entries acted on in this tab, for the badge; null clears it. */
export const BadgeSchema = z.object({
  type: z.literal('tagveil:badge'),
  count: z.nullable(z.int().check(z.nonnegative())),
});
/** Options page → background: fetch subscribed lists now (one, or all). */
export const RefreshSubscriptionsSchema = z.object({
  type: z.literal('tagveil:refresh-subscriptions'),
  listId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/**
 * The picker (injected on the user's click) → background: the selectors picked on this tab's page. The
 * background only opens Tagveil's settings with them for the user to confirm; the site is the tab's own.
 */
export const PickerSaveSchema = z.object({
  type: z.literal('tagveil:picker-save'),
  entrySelector: z.string().check(z.refine((s) => selectorTextProblem(s) === null, 'not a selector')),
  tagSelector: z.string().check(z.refine((s) => selectorTextProblem(s) === null, 'not a selector')),
});

/**
 * Content script → background: "Hide this one" pressed on a veil (a trusted click). The background writes
 * the rule, and only for an entry of the site the sending tab shows (src/background/hide-entry.ts).
 */
export const HideEntrySchema = z.object({
  type: z.literal('tagveil:hide-entry'),
  site: SiteIdSchema,
  id: EntryIdSchema,
});

/**
 * What a content script may ask of the background: it runs inside a web page, which may steer it, so
 * only what it saw in its own tab. Anything that fetches or changes settings is for extension pages.
 */
export const ContentScriptRequestSchema = z.discriminatedUnion('type', [
  BadgeSchema,
  PickerSaveSchema,
  HideEntrySchema,
]);
/** What the extension's own pages (popup, options, onboarding) may ask of the background. */
export const ExtensionPageRequestSchema = z.discriminatedUnion('type', [RefreshSubscriptionsSchema]);

export type ContentScriptRequest = z.infer<typeof ContentScriptRequestSchema>;
export type HideEntryRequest = z.infer<typeof HideEntrySchema>;
export type ExtensionPageRequest = z.infer<typeof ExtensionPageRequestSchema>;
