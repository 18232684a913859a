import { type Message, msg } from './message';
import {
  ActionSchema,
  type Blocklist,
  BlocklistSchema,
  type CustomSite,
  CustomSiteSchema,
  type DefaultNames,
  defaultSettings,
  ENGLISH_DEFAULT_NAMES,
  MAX_LIST_NAME_LENGTH,
  MAX_PATTERN_LENGTH,
  MAX_TIME_MS,
  type Settings,
  SettingsSchema,
  SubscriptionSchema,
  TimeSchema,
} from './schema';

export interface Repaired {
  settings: Settings;
  /** One per field that was replaced, e.g. `lists[1].action: invalid value "remove" replaced by "hide"`. */
  problems: Message[];
}

/**
 * Words a repair writes into the settings, in the user's language: a nameless list's new name, and the
 * names of the lists it starts again from when the stored ones cannot be read.
 */
export interface RepairWords {
  listName(n: number): string;
  defaults(): DefaultNames;
}

/** Without the page's words (tests, an import's lists, which always have names): the list's number. */
const NUMBERED: RepairWords = { listName: (n) => `#${n}`, defaults: () => ENGLISH_DEFAULT_NAMES };

/**
 * Said when the field-by-field repair below still left something the schema refuses (a bug here, never
 * the user's doing): the settings are then pruned by the schema's own complaints. The fuzz test checks it
 * is never said.
 */
export const UNREPAIRED = 'msg_repairFailed';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // a cycle or a BigInt, from a change rather than from storage
  }
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Rule lines (a list's patterns, exceptions, an alias group): every string that fits is kept, in order;
 * anything else is left out and said. An over-long line is left out whole rather than cut: a cut rule
 * would be a different rule, and the original stays in the backup.
 */
function ruleLines(value: unknown, path: string, problems: Message[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(msg('msg_repairReplaced', path, describe(value), '[]'));
    return [];
  }
  const kept: string[] = [];
  let unreadable = 0;
  value.forEach((line: unknown, i) => {
    if (typeof line !== 'string') unreadable++;
    else if (line.length > MAX_PATTERN_LENGTH)
      problems.push(
        msg('msg_repairRuleTooLong', `${path}[${i}]`, line.length, MAX_PATTERN_LENGTH, describe(line)),
      );
    else kept.push(line);
  });
  if (unreadable > 0) problems.push(msg('msg_repairUnreadableDropped', path, unreadable));
  return kept;
}

/** A pause or snooze time: kept when valid, a later date clamped to MAX_TIME_MS, anything else dropped. */
function time(value: unknown, path: string, problems: Message[]): number | undefined {
  if (value === undefined) return undefined;
  const parsed = TimeSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (typeof value === 'number' && value > MAX_TIME_MS) {
    problems.push(msg('msg_repairTimeClamped', path, describe(value)));
    return MAX_TIME_MS;
  }
  problems.push(msg('msg_repairDropped', path, describe(value)));
  return undefined;
}

function repairList(raw: unknown, index: number, problems: Message[], words: RepairWords): Blocklist | null {
  const whole = BlocklistSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const at = `lists[${index}]`;
  if (!isObject(raw)) {
    problems.push(msg('msg_repairNotList', at, describe(raw)));
    return null;
  }
  const replaced = <T>(key: string, fallback: T): T => {
    problems.push(msg('msg_repairReplaced', `${at}.${key}`, describe(raw[key]), describe(fallback)));
    return fallback;
  };
  const id = typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : replaced('id', `list-${index + 1}`);
  let name: string;
  if (typeof raw.name === 'string' && raw.name.length > MAX_LIST_NAME_LENGTH) {
    name = raw.name.slice(0, MAX_LIST_NAME_LENGTH);
    problems.push(msg('msg_repairNameShortened', `${at}.name`, MAX_LIST_NAME_LENGTH));
  } else {
    name =
      typeof raw.name === 'string' && raw.name.length > 0
        ? raw.name
        : replaced('name', words.listName(index + 1));
  }
  const enabled = typeof raw.enabled === 'boolean' ? raw.enabled : replaced('enabled', true);
  const action = ActionSchema.safeParse(raw.action);
  const list: Blocklist = {
    id,
    name,
    enabled,
    action: action.success ? action.data : replaced('action', 'hide' as const),
    patterns: ruleLines(raw.patterns, `${at}.patterns`, problems),
  };
  if (Array.isArray(raw.sites)) {
    // A list with no readable site applies everywhere: filtering more, never less, than the user meant.
    list.sites = raw.sites.filter((s): s is string => typeof s === 'string');
    if (list.sites.length < raw.sites.length)
      problems.push(msg('msg_repairUnreadableDropped', `${at}.sites`, raw.sites.length - list.sites.length));
  } else if (raw.sites !== undefined) {
    problems.push(msg('msg_repairDropped', `${at}.sites`, describe(raw.sites)));
  }
  const snoozedUntil = time(raw.snoozedUntil, `${at}.snoozedUntil`, problems);
  if (snoozedUntil !== undefined) list.snoozedUntil = snoozedUntil;
  if (raw.source !== undefined) {
    const source = SubscriptionSchema.safeParse(raw.source);
    if (source.success) list.source = source.data;
    else problems.push(msg('msg_repairDropped', `${at}.source`, describe(raw.source)));
  }
  // Absent stays absent (a list made before lists had exceptions); anything else is read like patterns.
  if (raw.exceptions !== undefined) list.exceptions = ruleLines(raw.exceptions, `${at}.exceptions`, problems);
  if (raw.preset !== undefined) {
    // Without it the list is still the user's; only a newer preset's difference is no longer offered.
    const preset = BlocklistSchema.shape.preset.safeParse(raw.preset);
    if (preset.success && preset.data) list.preset = preset.data;
    else problems.push(msg('msg_repairDropped', `${at}.preset`, describe(raw.preset)));
  }
  const checked = BlocklistSchema.safeParse(list);
  if (checked.success) return checked.data;
  problems.push(msg('msg_repairUnreadable', at, describe(raw)));
  return null;
}

function repairSites(value: unknown, problems: Message[]): Record<string, boolean> {
  const sites: Record<string, boolean> = {};
  if (isObject(value)) {
    for (const [site, on] of Object.entries(value)) {
      // "__proto__" would set the object's prototype, not a site switch; it names no site anyway.
      if (typeof on === 'boolean' && site !== '__proto__') sites[site] = on;
      else problems.push(msg('msg_repairDropped', `sites.${site}`, describe(on)));
    }
  } else if (value !== undefined) {
    problems.push(msg('msg_repairReplaced', 'sites', describe(value), '{}'));
  }
  return sites;
}

/**
 * Reads stored settings that may be old, partial or damaged, field by field along the schema. Every
 * valid field is kept; each invalid one is replaced by its default, shortened or left out, and said.
 * Never throws, and what it returns always passes SettingsSchema (a property test holds it to that).
 */
export function repairSettings(raw: unknown, words: RepairWords = NUMBERED): Repaired {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };
  const defaults = defaultSettings(words.defaults());
  const problems: Message[] = [];
  if (!isObject(raw)) {
    if (raw !== null && raw !== undefined) problems.push(msg('msg_repairNotObject', describe(raw)));
    return { settings: defaults, problems };
  }
  const enabled = typeof raw.enabled === 'boolean' ? raw.enabled : true;
  if (typeof raw.enabled !== 'boolean')
    problems.push(msg('msg_repairReplaced', 'enabled', describe(raw.enabled), 'true'));
  const sites = repairSites(raw.sites, problems);

  let lists = defaults.lists;
  if (Array.isArray(raw.lists)) {
    lists = raw.lists
      .map((list, i) => repairList(list, i, problems, words))
      .filter((l): l is Blocklist => l !== null);
    const seen = new Set<string>();
    for (const list of lists) {
      while (seen.has(list.id)) {
        problems.push(msg('msg_repairDuplicateId', list.id));
        list.id = `${list.id}-2`;
      }
      seen.add(list.id);
    }
  } else {
    problems.push(msg('msg_repairListsDefault', describe(raw.lists)));
  }
  const exceptions = ruleLines(raw.exceptions, 'exceptions', problems);
  // A group is an array of spellings; anything else in its place is reported and dropped.
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases : ruleLines(raw.aliases, 'aliases', problems))
    .map((group: unknown, i) => ruleLines(group, `aliases[${i}]`, problems))
    .filter((group) => group.length >= 2);
  const refillParsed = SettingsSchema.shape.refill.safeParse(raw.refill);
  if (!refillParsed.success)
    problems.push(msg('msg_repairReplaced', 'refill', describe(raw.refill), '"off"'));
  const refill = refillParsed.success ? refillParsed.data : 'off';
  /** A switch with a default: absent means the default, anything but true/false is reported. */
  const flag = (key: 'audit' | 'badge' | 'completeTags' | 'hideAgainOffscreen', fallback: boolean) => {
    const value = raw[key];
    if (typeof value === 'boolean') return value;
    if (value !== undefined) problems.push(msg('msg_repairReplaced', key, describe(value), String(fallback)));
    return fallback;
  };
  const pausedUntil = time(raw.pausedUntil, 'pausedUntil', problems);
  const customSites: CustomSite[] = [];
  if (Array.isArray(raw.customSites)) {
    raw.customSites.forEach((site: unknown, i) => {
      const parsed = CustomSiteSchema.safeParse(site);
      if (parsed.success) customSites.push(parsed.data);
      else problems.push(msg('msg_repairUnreadable', `customSites[${i}]`, describe(site)));
    });
  } else if (raw.customSites !== undefined) {
    problems.push(msg('msg_repairReplaced', 'customSites', describe(raw.customSites), '[]'));
  }
  const settings: Settings = {
    enabled,
    ...(pausedUntil !== undefined ? { pausedUntil } : {}),
    badge: flag('badge', true),
    audit: flag('audit', false),
    refill,
    completeTags: flag('completeTags', false),
    hideAgainOffscreen: flag('hideAgainOffscreen', false),
    sites,
    lists,
    exceptions,
    aliases,
    customSites,
  };
  const checked = SettingsSchema.safeParse(settings);
  if (checked.success) return { settings: checked.data, problems };
  return {
    settings: defaults,
    problems: [...problems, msg(UNREPAIRED, (checked.error.issues[0]?.path ?? []).map(String).join('.'))],
  };
}
