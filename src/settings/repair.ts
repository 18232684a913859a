import {
  type Blocklist,
  BlocklistSchema,
  type CustomSite,
  CustomSiteSchema,
  defaultSettings,
  type Settings,
  SettingsSchema,
} from './schema';

export interface Repaired {
  settings: Settings;
  /** One line per field that was replaced, e.g. `lists[1].action: invalid value "remove" replaced by "hide"`. */
  problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function repairList(raw: unknown, index: number, problems: string[]): Blocklist | null {
  const whole = BlocklistSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (!isObject(raw)) {
    problems.push(`lists[${index}]: not a list (${describe(raw)}), dropped`);
    return null;
  }
  const fallback: Blocklist = {
    id: `list-${index + 1}`,
    name: `List ${index + 1}`,
    enabled: true,
    action: 'hide',
    patterns: [],
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(BlocklistSchema.shape) as (keyof Blocklist)[]) {
    const field = BlocklistSchema.shape[key].safeParse(raw[key]);
    if (field.success) {
      out[key] = field.data;
    } else if (key === 'patterns' && Array.isArray(raw[key])) {
      // Keep every rule that is still a string; a user's rules are never dropped for a neighbour's fault.
      const kept = (raw[key] as unknown[]).filter((p): p is string => typeof p === 'string');
      problems.push(
        `lists[${index}].patterns: ${(raw[key] as unknown[]).length - kept.length} unreadable entries dropped`,
      );
      out[key] = kept;
    } else if (fallback[key] === undefined) {
      problems.push(`lists[${index}].${key}: invalid value ${describe(raw[key])} dropped`);
    } else {
      problems.push(
        `lists[${index}].${key}: invalid value ${describe(raw[key])} replaced by ${describe(fallback[key])}`,
      );
      out[key] = fallback[key];
    }
  }
  return BlocklistSchema.parse(out);
}

/**
 * Reads stored settings that may be old, partial or damaged. Every valid field is kept; each invalid
 * one is replaced by its default and reported, so nothing that still reads is lost.
 */
export function repairSettings(raw: unknown): Repaired {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };
  const defaults = defaultSettings();
  const problems: string[] = [];
  if (!isObject(raw)) {
    if (raw !== null && raw !== undefined)
      problems.push(`settings: not an object (${describe(raw)}), defaults used`);
    return { settings: defaults, problems };
  }
  const enabled = SettingsSchema.shape.enabled.safeParse(raw.enabled);
  if (!enabled.success) problems.push(`enabled: invalid value ${describe(raw.enabled)} replaced by true`);

  const sites: Record<string, boolean> = {};
  if (isObject(raw.sites)) {
    for (const [site, on] of Object.entries(raw.sites)) {
      if (typeof on === 'boolean') sites[site] = on;
      else problems.push(`sites.${site}: invalid value ${describe(on)} dropped`);
    }
  } else if (raw.sites !== undefined) {
    problems.push(`sites: invalid value ${describe(raw.sites)} replaced by {}`);
  }

  let lists = defaults.lists;
  if (Array.isArray(raw.lists)) {
    lists = raw.lists
      .map((list, i) => repairList(list, i, problems))
      .filter((l): l is Blocklist => l !== null);
    const seen = new Set<string>();
    for (const list of lists) {
      while (seen.has(list.id)) {
        problems.push(`lists: duplicate id "${list.id}" renamed`);
        list.id = `${list.id}-2`;
      }
      seen.add(list.id);
    }
  } else {
    problems.push(`lists: invalid value ${describe(raw.lists)} replaced by the default lists`);
  }
  const strings = (value: unknown, path: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${path}: invalid value ${describe(value)} replaced by []`);
      return [];
    }
    const kept = value.filter((v): v is string => typeof v === 'string');
    if (kept.length < value.length)
      problems.push(`${path}: ${value.length - kept.length} unreadable entries dropped`);
    return kept;
  };
  const exceptions = strings(raw.exceptions, 'exceptions');
  // A group is an array of spellings; anything else in its place is reported by strings() and dropped.
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases : strings(raw.aliases, 'aliases'))
    .map((group, i) => strings(group, `aliases[${i}]`))
    .filter((group) => group.length >= 2);
  const refillParsed = SettingsSchema.shape.refill.safeParse(raw.refill);
  if (!refillParsed.success) problems.push(`refill: invalid value ${describe(raw.refill)} replaced by "off"`);
  const refill = refillParsed.success ? refillParsed.data : 'off';
  /** A switch with a default: absent means the default, anything but true/false is reported. */
  const flag = (key: 'audit' | 'badge' | 'completeTags' | 'hideAgainOffscreen', fallback: boolean) => {
    const value = raw[key];
    if (typeof value === 'boolean') return value;
    if (value !== undefined)
      problems.push(`${key}: invalid value ${describe(value)} replaced by ${fallback}`);
    return fallback;
  };
  const paused = SettingsSchema.shape.pausedUntil.safeParse(raw.pausedUntil);
  if (!paused.success) problems.push(`pausedUntil: invalid value ${describe(raw.pausedUntil)} dropped`);
  const customSites: CustomSite[] = [];
  if (Array.isArray(raw.customSites)) {
    raw.customSites.forEach((site, i) => {
      const parsed = CustomSiteSchema.safeParse(site);
      if (parsed.success) customSites.push(parsed.data);
      else problems.push(`customSites[${i}]: unreadable (${describe(site)}), dropped`);
    });
  } else if (raw.customSites !== undefined) {
    problems.push(`customSites: invalid value ${describe(raw.customSites)} replaced by []`);
  }
  return {
    settings: {
      enabled: enabled.success ? enabled.data : true,
      ...(paused.success && paused.data !== undefined ? { pausedUntil: paused.data } : {}),
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
    },
    problems,
  };
}
