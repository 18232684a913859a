import { describeEntry, type EntryKind, entryAtomRule, readEntryRule } from './entry-rules';
import type { Atom, Rule } from './parse';
import type { Action } from './types';

/**
 * The phrases a rule is explained with. English is built in (the matcher has no browser); the options
 * page passes its UI language's phrases from the locale files.
 */
export interface ExplainWords {
  tag(name: string, namespace?: string): string;
  glob(pattern: string, namespace?: string): string;
  /** Any tag of a namespace (`male:*`). */
  namespace(namespace: string): string;
  regex(source: string): string;
  title(text: string): string;
  creator(name: string): string;
  /** Conditions that must all hold. */
  and(parts: string[]): string;
  /** A list of alternatives: "a, b or c". */
  or(parts: string[]): string;
  /** One of several that must hold (`~a ~b`): "either a or b". */
  either(parts: string[]): string;
  /** The whole sentence; `action` absent for an exception. */
  sentence(action: Action | undefined, conditions: string, unless: string | undefined): string;
  note(note: string): string;
  /**
   * A rule naming one entry by its id (`entry:ao3/12345`), the whole sentence: "Hides the AO3 work
   * 12345." `action` absent: the line is among exceptions, where it keeps nothing.
   */
  entry(action: Action | undefined, site: string, kind: EntryKind, id: string): string;
}

const VERBS: Record<Action, string> = {
  hide: 'Hides',
  collapse: 'Collapses',
  blur: 'Blurs',
  label: 'Labels',
};

function q(text: string): string {
  return `“${text}”`;
}

function joinOr(parts: string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export const ENGLISH: ExplainWords = {
  tag: (name, ns) => (ns === undefined ? `tagged ${q(name)} in any namespace` : `tagged ${q(name)} as ${ns}`),
  glob: (pattern, ns) => `with a tag matching ${q(pattern)}${ns === undefined ? '' : ` as ${ns}`}`,
  namespace: (ns) => `with any tag in the ${ns} namespace`,
  regex: (source) => `with a tag matching the regular expression ${source}`,
  title: (text) => `whose title contains the words ${q(text)}`,
  creator: (name) => `by ${q(name)}`,
  and: (parts) => parts.join(' and '),
  or: joinOr,
  either: (parts) => (parts.length === 1 ? (parts[0] ?? '') : `either ${joinOr(parts)}`),
  sentence: (action, conditions, unless) => {
    let text = `${action ? VERBS[action] : 'Keeps'} entries ${conditions}`;
    if (unless) text += `, unless also ${unless}`;
    if (!action) text += ', untouched by every list';
    return `${text}.`;
  },
  note: (note) => ` Shows ${q(note)} as the reason.`,
  entry: (action, site, kind, id) =>
    action
      ? `${VERBS[action]} the ${site} ${kind} ${id}, whatever its tags.`
      : `Names the ${site} ${kind} ${id}: among exceptions it keeps nothing (hide it from a list instead).`,
};

function describeAtom(atom: Atom, words: ExplainWords): string {
  switch (atom.kind) {
    case 'tag':
      return words.tag(atom.name, atom.namespace);
    case 'glob':
      return atom.pattern === '*' && atom.namespace !== undefined
        ? words.namespace(atom.namespace)
        : words.glob(atom.pattern, atom.namespace);
    case 'regex':
      return words.regex(`/${atom.source}/${atom.flags}`);
    case 'title':
      return words.title(atom.text);
    case 'creator':
      return words.creator(atom.name);
  }
}

/**
 * A rule in plain words, for the options page as the user types:
 * "Hides entries tagged “netorare” in any namespace, unless also tagged “vanilla” in any namespace."
 * Without an action it describes an exception: "Keeps entries … untouched".
 */
export function explain(
  rule: Pick<Rule, 'terms' | 'note'> & { source?: string },
  action?: Action,
  words: ExplainWords = ENGLISH,
): string {
  // An entry rule stands alone on its line (entry-rules.ts): one sentence of its own.
  const only = rule.terms.length === 1 ? rule.terms[0] : undefined;
  // The id as written when the line is at hand (the parser folds it: a link's path keeps its case).
  const entry =
    only?.mode === 'all'
      ? ((rule.source ? readEntryRule(rule.source) : null) ?? entryAtomRule(only.atom))
      : null;
  if (entry) {
    const text = describeEntry(entry, (site, kind, id) => words.entry(action, site, kind, id));
    return rule.note ? text + words.note(rule.note) : text;
  }
  const of = (mode: string) =>
    rule.terms.filter((t) => t.mode === mode).map((t) => describeAtom(t.atom, words));
  const conditions = of('all');
  const any = of('any');
  const not = of('not');
  if (any.length > 0) conditions.push(words.either(any));
  const unless = not.length > 0 ? words.or(not) : undefined;
  let text = words.sentence(action, words.and(conditions), unless);
  if (rule.note) text += words.note(rule.note);
  return text;
}
