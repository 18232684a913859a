// zod/mini: the same validation as zod, with the methods left out of each schema, so the content script
// that reads settings on every catalog page loads and starts faster (docs/performance.md).
import * as z from 'zod/mini';
import { presetById } from '../rules/presets';
import { ACTIONS } from '../rules/types';
import { MAX_SELECTOR_LENGTH, selectorProblem } from '../sites/custom';
import { MAX_STORED_MESSAGE_CHARS, type Message, type Param } from './message';

/** Longest rule line kept; longer lines are almost certainly a paste gone wrong. */
export const MAX_PATTERN_LENGTH = 500;

/** Longest list name. */
export const MAX_LIST_NAME_LENGTH = 100;

export const ActionSchema = z.enum(ACTIONS);

/**
 * Latest time a pause or snooze may name: the end of year 9999 (epoch ms). Any date up to it means
 * "until that date", however far away; repair clamps a later one to it. Whoever turns such a time into a
 * timer must clamp the delay to setTimeout's 2^31-1 ms (about 24.8 days) and re-arm: a longer delay
 * overflows and fires at once (docs/settings.md).
 */
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A time stamp (epoch ms) the settings can hold: a whole number from 0 to MAX_TIME_MS. */
export const TimeSchema = z.int().check(z.nonnegative(), z.lte(MAX_TIME_MS));

/** Maximum size of a subscribed list's file; a larger answer is refused and the last good copy kept. */
export const MAX_SUBSCRIPTION_BYTES = 256 * 1024;

/** A list kept up to date from a URL (like an ad blocker's filter list); its rules are not edited by hand. */
// A message as stored (src/settings/message.ts): a subscription's last error, read back by every device.
const StoredParamSchema = (): z.ZodMiniType<Param> =>
  z.union([
    z.string().check(z.maxLength(300)),
    z.number(),
    z.object({ time: z.number() }),
    MessageObject,
    z.array(MessageObject).check(z.maxLength(4)),
  ]) as unknown as z.ZodMiniType<Param>;

const MessageObject = z.object({
  key: z.string().check(z.maxLength(60)),
  get params() {
    return z.array(StoredParamSchema()).check(z.maxLength(8));
  },
});

/**
 * A message as stored in the settings (a subscription's last error). The key is any string: one written
 * by a newer Tagveil is kept, and shown as well as this version can.
 */
const StoredMessageSchema = MessageObject.check(
  z.refine((m) => JSON.stringify(m).length <= MAX_STORED_MESSAGE_CHARS),
) as unknown as z.ZodMiniType<Message>;

export const SubscriptionSchema = z.object({
  url: z.url({ protocol: /^https$/u, error: 'msg_fileHttpsAddress' }),
  /** When the rules last changed, from a good download (epoch ms). */
  updatedAt: z.optional(z.int().check(z.nonnegative())),
  /** When the last fetch was tried (epoch ms). */
  checkedAt: z.optional(z.int().check(z.nonnegative())),
  /** What went wrong with the last fetch, as an older version wrote it (in words); read, never written. */
  error: z.optional(z.string().check(z.maxLength(300))),
  /** What went wrong with the last fetch, or which rules were left out; the rules are the last good copy. */
  problem: z.optional(StoredMessageSchema),
});

/** A site the user added: where its entries and their tags are, as CSS selectors. */
const CustomSiteFields = z.object({
  id: z.string().check(z.regex(/^custom-[a-z0-9-]+$/u)),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  /** https://host, the site's origin; the content script runs on origin/* once the user grants it. */
  origin: z
    .url({ protocol: /^https$/u, error: 'msg_fileHttpsOrigin' })
    .check(z.regex(/^https:\/\/[^/]+$/u, { error: 'msg_fileOriginOnly' })),
  /** One catalog entry. */
  entrySelector: z.string().check(z.minLength(1), z.maxLength(MAX_SELECTOR_LENGTH)),
  /** Inside an entry: each tag (its text is the tag). */
  tagSelector: z.string().check(z.minLength(1), z.maxLength(MAX_SELECTOR_LENGTH)),
  /** Inside an entry: the title (for title: rules); optional. */
  titleSelector: z.optional(z.string().check(z.maxLength(MAX_SELECTOR_LENGTH))),
});
/** The selectors are text from the user or an import, read on the site: each a plain selector list. */
export const CustomSiteSchema = CustomSiteFields.check(
  z.superRefine((site, ctx) => {
    const { entrySelector, tagSelector, titleSelector } = site;
    for (const [field, selector] of Object.entries({ entrySelector, tagSelector, titleSelector })) {
      const problem = selector ? selectorProblem(selector) : null; // an empty title selector is "none"
      if (problem)
        // A locale key and its value: the pages say it in the user's language (transfer.ts formatIssues).
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'msg_fileSelector',
          params: { values: [problem] },
        });
    }
  }),
);

export const BlocklistSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(MAX_LIST_NAME_LENGTH)),
  enabled: z.boolean(),
  action: ActionSchema,
  patterns: z.array(z.string().check(z.maxLength(MAX_PATTERN_LENGTH))),
  /** Site ids the list applies to; absent: every site. */
  sites: z.optional(z.array(z.string())),
  /** Paused until this time (epoch ms): a snooze. Any time up to MAX_TIME_MS ("until that date"). */
  snoozedUntil: z.optional(TimeSchema),
  /** Present when the list is a subscription. */
  source: z.optional(SubscriptionSchema),
  /**
   * Tags this list's own rules must not count, in rule syntax ("no cheating*"): tag by tag, within this
   * list only (docs/presets.md). Copied from a preset when it is switched on; the user's to edit.
   */
  exceptions: z.optional(z.array(z.string().check(z.maxLength(MAX_PATTERN_LENGTH)))),
  /**
   * The preset this list was made from and its version then, so a newer preset's difference can be
   * offered (src/rules/preset-upgrade.ts); the list itself is the user's.
   */
  preset: z.optional(
    z.object({ id: z.string().check(z.minLength(1)), version: z.int().check(z.positive()) }),
  ),
});

/** Lists are addressed by id (menus, subscriptions, the options page): each must be unique. */
export function uniqueIds<T extends z.ZodMiniType<{ id: string }[]>>(lists: T): T {
  return lists.check(
    z.refine((value) => new Set(value.map((l) => l.id)).size === value.length, 'msg_fileIdsUnique'),
  );
}

export const SettingsSchema = z.object({
  /** Master switch. */
  enabled: z.boolean(),
  /** Everything paused until this time (epoch ms): "pause for 1 hour". Any time up to MAX_TIME_MS. */
  pausedUntil: z.optional(TimeSchema),
  /** Number of entries acted on, on the toolbar button. */
  badge: z._default(z.boolean(), true),
  /** When most of a list page is hidden: do nothing, offer to load the next page's entries, or load them. */
  refill: z._default(z.enum(['off', 'offer', 'auto']), 'off'),
  /** Complete list rows' tags with the site's own metadata look-up (E-Hentai); asks the site, so opt-in. */
  completeTags: z._default(z.boolean(), false),
  /** An entry the user showed is hidden again once it has been scrolled out of view (off: until reload). */
  hideAgainOffscreen: z._default(z.boolean(), false),
  /** Audit mode: outline what the rules would act on, act on nothing. */
  audit: z._default(z.boolean(), false),
  /** Per-site switches keyed by site id; a site not listed is on. */
  sites: z.record(z.string(), z.boolean()),
  lists: uniqueIds(z.array(BlocklistSchema)),
  /** Rules that keep an entry untouched whatever the lists say. */
  exceptions: z._default(z.array(z.string().check(z.maxLength(MAX_PATTERN_LENGTH))), []),
  /** Groups of spellings treated as one tag by every list. */
  aliases: z._default(
    z.array(z.array(z.string().check(z.maxLength(MAX_PATTERN_LENGTH))).check(z.minLength(2))),
    [],
  ),
  /** Sites the user added beyond the built-in ones. */
  customSites: z._default(z.array(CustomSiteSchema), []),
});

export type Blocklist = z.infer<typeof BlocklistSchema>;
export type CustomSite = z.infer<typeof CustomSiteSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const NTR_LIST_ID = 'ntr';
export const MY_LIST_ID = 'mine';

const NTR = presetById('ntr') as NonNullable<ReturnType<typeof presetById>>;

/** The names a fresh install gives its lists, in the user's language (the background's i18n). */
export interface DefaultNames {
  /** The personal list quick adds go to. */
  mine: string;
}

/** English: what a fresh install is named with where no language is at hand (tests, a repair). */
export const ENGLISH_DEFAULT_NAMES: DefaultNames = { mine: 'My blocklist' };

/** A fresh install: filtering on, a personal list for quick adds, and the NTR preset ready but off. */
export function defaultSettings(names: DefaultNames = ENGLISH_DEFAULT_NAMES): Settings {
  return {
    enabled: true,
    badge: true,
    audit: false,
    refill: 'off',
    completeTags: false,
    hideAgainOffscreen: false,
    sites: {},
    exceptions: [],
    aliases: [],
    customSites: [],
    lists: [
      { id: MY_LIST_ID, name: names.mine, enabled: true, action: 'hide', patterns: [] },
      {
        id: NTR_LIST_ID,
        name: NTR.name,
        enabled: false,
        action: 'blur',
        patterns: [...NTR.patterns],
        exceptions: [...NTR.exceptions],
        preset: { id: NTR.id, version: NTR.version },
      },
    ],
  };
}

/** Whether everything is paused at `now` (a pause ends by itself). */
export function isPaused(settings: Settings, now = Date.now()): boolean {
  return settings.pausedUntil !== undefined && settings.pausedUntil > now;
}

export { originPattern } from '../sites/origin';

export function isSiteEnabled(settings: Settings, siteId: string, now = Date.now()): boolean {
  return settings.enabled && !isPaused(settings, now) && settings.sites[siteId] !== false;
}
