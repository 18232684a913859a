import { z } from 'zod';
import { presetById } from '../rules/presets';
import { ACTIONS } from '../rules/types';

/** Longest rule line kept; longer lines are almost certainly a paste gone wrong. */
export const MAX_PATTERN_LENGTH = 500;

export const ActionSchema = z.enum(ACTIONS);

/** Maximum size of a subscribed list's file; a larger answer is refused and the last good copy kept. */
export const MAX_SUBSCRIPTION_BYTES = 256 * 1024;

/** A list kept up to date from a URL (like an ad blocker's filter list); its rules are not edited by hand. */
export const SubscriptionSchema = z.object({
  url: z.url({ protocol: /^https$/u, error: 'expected an https:// address' }),
  /** When the rules last changed, from a good download (epoch ms). */
  updatedAt: z.number().int().nonnegative().optional(),
  /** When the last fetch was tried (epoch ms). */
  checkedAt: z.number().int().nonnegative().optional(),
  /** What went wrong with the last fetch; the rules are still the last good copy. */
  error: z.string().max(300).optional(),
});

/** A site the user added: where its entries and their tags are, as CSS selectors. */
export const CustomSiteSchema = z.object({
  id: z.string().regex(/^custom-[a-z0-9-]+$/u),
  name: z.string().min(1).max(100),
  /** https://host, the site's origin; the content script runs on origin/* once the user grants it. */
  origin: z.url({ protocol: /^https$/u, error: 'expected an https:// origin' }).regex(/^https:\/\/[^/]+$/u, {
    message: 'expected an origin: https://host, with no path',
  }),
  /** One catalog entry. */
  entrySelector: z.string().min(1).max(300),
  /** Inside an entry: each tag (its text is the tag). */
  tagSelector: z.string().min(1).max(300),
  /** Inside an entry: the title (for title: rules); optional. */
  titleSelector: z.string().max(300).optional(),
});

export const BlocklistSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(100),
  enabled: z.boolean(),
  action: ActionSchema,
  patterns: z.array(z.string().max(MAX_PATTERN_LENGTH)),
  /** Site ids the list applies to; absent: every site. */
  sites: z.array(z.string()).optional(),
  /** Paused until this time (epoch ms): a snooze. */
  snoozedUntil: z.number().int().nonnegative().optional(),
  /** Present when the list is a subscription. */
  source: SubscriptionSchema.optional(),
});

export const SettingsSchema = z.object({
  /** Master switch. */
  enabled: z.boolean(),
  /** Everything paused until this time (epoch ms): "pause for 1 hour". */
  pausedUntil: z.number().int().nonnegative().optional(),
  /** Number of entries acted on, on the toolbar button. */
  badge: z.boolean().default(true),
  /** When most of a list page is hidden: do nothing, offer to load the next page's entries, or load them. */
  refill: z.enum(['off', 'offer', 'auto']).default('off'),
  /** Complete list rows' tags with the site's own metadata look-up (E-Hentai); asks the site, so opt-in. */
  completeTags: z.boolean().default(false),
  /** An entry the user showed is hidden again once it has been scrolled out of view (off: until reload). */
  hideAgainOffscreen: z.boolean().default(false),
  /** Audit mode: outline what the rules would act on, act on nothing. */
  audit: z.boolean().default(false),
  /** Per-site switches keyed by site id; a site not listed is on. */
  sites: z.record(z.string(), z.boolean()),
  lists: z
    .array(BlocklistSchema)
    .refine((lists) => new Set(lists.map((l) => l.id)).size === lists.length, 'list ids must be unique'),
  /** Rules that keep an entry untouched whatever the lists say. */
  exceptions: z.array(z.string().max(MAX_PATTERN_LENGTH)).default([]),
  /** Groups of spellings treated as one tag by every list. */
  aliases: z.array(z.array(z.string().max(MAX_PATTERN_LENGTH)).min(2)).default([]),
  /** Sites the user added beyond the built-in ones. */
  customSites: z.array(CustomSiteSchema).default([]),
});

export type Blocklist = z.infer<typeof BlocklistSchema>;
export type CustomSite = z.infer<typeof CustomSiteSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const NTR_LIST_ID = 'ntr';
export const MY_LIST_ID = 'mine';

const NTR = presetById('ntr') as NonNullable<ReturnType<typeof presetById>>;

/** A fresh install: filtering on, a personal list for quick adds, and the NTR preset ready but off. */
export function defaultSettings(): Settings {
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
      { id: MY_LIST_ID, name: 'My blocklist', enabled: true, action: 'hide', patterns: [] },
      { id: NTR_LIST_ID, name: NTR.name, enabled: false, action: 'blur', patterns: [...NTR.patterns] },
    ],
  };
}

/** Whether everything is paused at `now` (a pause ends by itself). */
export function isPaused(settings: Settings, now = Date.now()): boolean {
  return settings.pausedUntil !== undefined && settings.pausedUntil > now;
}

/** The host permission a site needs: its origin only (`https://host/*`), from any address on it. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export function isSiteEnabled(settings: Settings, siteId: string, now = Date.now()): boolean {
  return settings.enabled && !isPaused(settings, now) && settings.sites[siteId] !== false;
}
