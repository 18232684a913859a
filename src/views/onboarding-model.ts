// What the first-run page shows of a preset and of the sites: pure, tested in onboarding-model.test.ts.
import { parseRule } from '../rules/parse';
import type { Preset } from '../rules/presets';
import type { SiteAdapter } from '../sites/types';

/** A preset's rules shown at first, before "+N more". */
export const RULES_SHOWN = 8;

/** One rule of a preset, in words a new user reads: a tag's name, or what a pattern catches. */
export type RuleWords =
  | { kind: 'tag'; name: string }
  | { kind: 'contains' | 'startsWith' | 'endsWith' | 'word' | 'startsWord'; text: string }
  /** A whole word written two ways (`/\bnon ?con\b/`: "non con" or "noncon"). */
  | { kind: 'wordOr'; text: string; or: string }
  /** A glob with a wildcard inside: the pattern with … for "anything" ("cheating on … test…"). */
  | { kind: 'like'; text: string }
  /** Anything else: the explanation in full (src/rules/explain.ts). */
  | { kind: 'other'; source: string };

const WORD_REGEX = /^\\b([^\\/()[\]{}|*+?.^$]+)\\b$/u;
/** `\bnon ?con\b`: one optional space inside a whole word. */
const WORD_OR_REGEX = /^\\b([^\\/()[\]{}|*+?.^$ ]+) \?([^\\/()[\]{}|*+?.^$ ]+)\\b$/u;
/** `^ntr(?![a-z])`: a tag starting with the word, not with a longer word. */
const STARTS_WORD_REGEX = /^\^([^\\/()[\]{}|*+?.^$]+)\(\?!\[a-z\]\)$/u;

export function ruleWords(source: string): RuleWords {
  const parsed = parseRule(source);
  const term = parsed.ok && parsed.rule?.terms.length === 1 ? parsed.rule.terms[0] : undefined;
  if (term?.mode !== 'all') return { kind: 'other', source };
  const { atom } = term;
  // Shown as the preset writes them (ネトラレ, not its folded form).
  const written = source.trim();
  if (atom.kind === 'tag') return { kind: 'tag', name: written };
  if (atom.kind === 'glob') {
    const pattern = written;
    const inner = pattern.replace(/^\*|\*$/gu, '');
    if (inner.includes('*')) return { kind: 'like', text: pattern.replaceAll('*', '…') };
    if (pattern.startsWith('*') && pattern.endsWith('*')) return { kind: 'contains', text: inner };
    if (pattern.endsWith('*')) return { kind: 'startsWith', text: inner };
    return { kind: 'endsWith', text: inner };
  }
  if (atom.kind === 'regex') {
    const word = WORD_REGEX.exec(atom.source)?.[1];
    if (word) return { kind: 'word', text: word };
    const [, first, second] = WORD_OR_REGEX.exec(atom.source) ?? [];
    if (first && second) return { kind: 'wordOr', text: `${first} ${second}`, or: `${first}${second}` };
    const start = STARTS_WORD_REGEX.exec(atom.source)?.[1];
    if (start) return { kind: 'startsWord', text: start };
  }
  return { kind: 'other', source };
}

/**
 * A preset whole, in words: its rules (the first few, and the rest behind "+N more"), its exceptions
 * (the tags its rules do not count) and the sites whose spellings it is written in.
 */
export function presetRules(preset: Preset): {
  shown: RuleWords[];
  more: RuleWords[];
  exceptions: RuleWords[];
  sites: readonly string[];
} {
  const all = preset.patterns.map(ruleWords);
  // Seven shown and "+1 more" would hide one line behind a click: show it.
  const cut = all.length <= RULES_SHOWN + 1 ? all.length : RULES_SHOWN;
  return {
    shown: all.slice(0, cut),
    more: all.slice(cut),
    exceptions: preset.exceptions.map(ruleWords),
    sites: preset.spelledOn,
  };
}

export interface SiteLink {
  name: string;
  /** The site's front page, to open from the first-run page. */
  url: string;
  hosts: string[];
}

/** The sites Tagveil works on, from their manifest match patterns. */
export function siteLinks(sites: readonly SiteAdapter[]): SiteLink[] {
  return sites.map((site) => {
    const hosts = [...new Set(site.matches.map((m) => new URL(m.replace('*.', '')).host))];
    return { name: site.name, url: `https://${hosts[0] ?? ''}/`, hosts };
  });
}
