import type { Atom, Rule } from './parse';
import type { Action } from './types';

const VERBS: Record<Action, string> = {
  hide: 'Hides',
  collapse: 'Collapses',
  blur: 'Blurs',
  label: 'Labels',
};

function q(text: string): string {
  return `“${text}”`;
}

function describeAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'tag':
      return atom.namespace === undefined
        ? `tagged ${q(atom.name)} in any namespace`
        : `tagged ${q(atom.name)} as ${atom.namespace}`;
    case 'glob':
      return `with a tag matching ${q(atom.pattern)}${atom.namespace === undefined ? '' : ` as ${atom.namespace}`}`;
    case 'regex':
      return `with a tag matching the regular expression /${atom.source}/${atom.flags}`;
    case 'title':
      return `whose title contains the words ${q(atom.text)}`;
    case 'creator':
      return `by ${q(atom.name)}`;
  }
}

function joinOr(parts: string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * A rule in plain words, for the options page as the user types:
 * "Hides entries tagged “netorare” in any namespace, unless also tagged “vanilla” in any namespace."
 * Without an action it describes an exception: "Keeps entries … untouched".
 */
export function explain(rule: Pick<Rule, 'terms' | 'note'>, action?: Action): string {
  const all = rule.terms.filter((t) => t.mode === 'all').map((t) => describeAtom(t.atom));
  const any = rule.terms.filter((t) => t.mode === 'any').map((t) => describeAtom(t.atom));
  const not = rule.terms.filter((t) => t.mode === 'not').map((t) => describeAtom(t.atom));
  const conditions = [...all];
  if (any.length > 0) conditions.push(any.length === 1 ? (any[0] as string) : `either ${joinOr(any)}`);
  let text = `${action ? VERBS[action] : 'Keeps'} entries ${conditions.join(' and ')}`;
  if (not.length > 0) text += `, unless also ${joinOr(not)}`;
  if (!action) text += ', untouched by every list';
  text += '.';
  if (rule.note) text += ` Shows ${q(rule.note)} as the reason.`;
  return text;
}
