import { entryRuleError } from './entry-rules';
import { englishRuleMessage, type RuleMessage, type RuleMessageCode } from './messages';
import { fold, foldKeepingEdges, foldNamespace, hasWordChar } from './normalize';
import { prepareRegexWith, type RegexPreparer, slowVerdict } from './regex';

/** What one term of a rule looks at. Names and text are folded. */
export type Atom =
  | { kind: 'tag'; namespace?: string; name: string }
  /** `*` matches any run of characters; anchored at both ends. */
  | { kind: 'glob'; namespace?: string; pattern: string }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'title'; text: string }
  | { kind: 'creator'; name: string };

/** `all`: must be there (the default); `not`: must not (`-tag`); `any`: at least one of the `~` terms. */
export type Mode = 'all' | 'not' | 'any';

export interface Term {
  mode: Mode;
  atom: Atom;
}

export interface Rule {
  terms: Term[];
  /** Text after `#`, shown as the reason. */
  note?: string;
  /** The line as the user wrote it, trimmed. */
  source: string;
}

export interface RuleError extends RuleMessage {
  /** 1-based column of the problem within the line. */
  column: number;
  /**
   * The problem in English (logs, tests), as the parser words it; pages show `code` in the user's
   * language. A content script's own refusals carry none (it has no English: readerOf).
   */
  message?: string;
}

export type ParseResult = { ok: true; rule: Rule | null } | { ok: false; error: RuleError };

/** Longest rule line accepted. */
export const MAX_RULE_LENGTH = 500;

interface Token {
  prefix: '' | '-' | '~' | '+';
  body: string;
  /** 0-based offset of the body in the line. */
  at: number;
  end: number;
}

class RuleSyntaxError extends Error {
  readonly params: (string | number)[];
  constructor(
    readonly offset: number,
    readonly code: RuleMessageCode,
    ...params: (string | number)[]
  ) {
    super(englishRuleMessage({ code, params }));
    this.params = params;
  }
}

const PREFIX_MODE: Record<Token['prefix'], Mode> = { '': 'all', '+': 'all', '-': 'not', '~': 'any' };

/** Reads a quoted string starting at `line[at] === '"'`; returns its text and the offset after it. */
function readQuoted(line: string, at: number): { text: string; end: number } {
  let text = '';
  let i = at + 1;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '\\' && i + 1 < line.length) {
      text += line[i + 1];
      i += 2;
    } else if (ch === '"') {
      return { text, end: i + 1 };
    } else {
      text += ch;
      i++;
    }
  }
  throw new RuleSyntaxError(at, 'quoteUnclosed');
}

function tokenize(line: string): { tokens: Token[]; note?: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/u.test(line[i] as string)) i++;
    if (i >= line.length) break;
    if (line[i] === '#') {
      const note = line.slice(i + 1).trim();
      return note ? { tokens, note } : { tokens };
    }
    let prefix: Token['prefix'] = '';
    const p = line[i];
    if ((p === '-' || p === '~' || p === '+') && i + 1 < line.length && !/\s/u.test(line[i + 1] as string)) {
      prefix = p;
      i++;
    }
    const at = i;
    if (line[i] === '/') {
      // A regular expression: up to the next unescaped / outside a character class, then flags.
      let j = i + 1;
      let inClass = false;
      while (j < line.length && (inClass || line[j] !== '/')) {
        if (line[j] === '\\') j++;
        else if (line[j] === '[') inClass = true;
        else if (line[j] === ']') inClass = false;
        j++;
      }
      if (j >= line.length) throw new RuleSyntaxError(at, 'regexUnclosed');
      j++;
      while (j < line.length && /[a-z]/iu.test(line[j] as string)) j++;
      tokens.push({ prefix, body: line.slice(at, j), at, end: j });
      i = j;
      continue;
    }
    while (i < line.length && !/\s/u.test(line[i] as string)) {
      if (line[i] === '"') i = readQuoted(line, i).end;
      else i++;
    }
    tokens.push({ prefix, body: line.slice(at, i), at, end: i });
  }
  return { tokens };
}

/** Unquotes `"…"` (with `\"` escapes) or returns the text as it is; `quoted` says which. */
function unquote(text: string, at: number, line: string): { text: string; quoted: boolean } {
  if (!text.startsWith('"')) return { text, quoted: false };
  const { text: inner, end } = readQuoted(line, at);
  if (end !== at + text.length) throw new RuleSyntaxError(end, 'afterQuote');
  return { text: inner, quoted: true };
}

const NAMESPACED = /^([^\s:"]+):(?!\s)(.+)$/su;
const TEXT_FIELDS = /^(title|creator):(.+)$/iu;
const GLOB_MARK = '\uE000';

/**
 * `namespace:name` read from a term, or null. `>:)`, `=:3`: a namespace has a letter or digit, so
 * punctuation before a colon is part of the tag.
 */
function namespacedParts(body: string): RegExpExecArray | null {
  const found = NAMESPACED.exec(body);
  return found?.[1] && hasWordChar(found[1]) ? found : null;
}

function parseAtom(body: string, at: number, line: string, prepare: RegexPreparer): Atom {
  if (body.startsWith('/')) {
    const close = body.lastIndexOf('/');
    const source = body.slice(1, close);
    const flags = body.slice(close + 1);
    const compiled = prepare(source, flags);
    if (!compiled.ok)
      throw new RuleSyntaxError(
        compiled.offset < 0 ? at + close + 1 : at + 1 + compiled.offset,
        compiled.code,
        ...compiled.params,
      );
    return { kind: 'regex', source, flags };
  }
  const field = TEXT_FIELDS.exec(body);
  if (field?.[1] && field[2]) {
    const valueAt = at + field[1].length + 1;
    const { text } = unquote(field[2], valueAt, line);
    const folded = fold(text);
    if (!folded) throw new RuleSyntaxError(valueAt, 'fieldEmpty', field[1]);
    return field[1].toLowerCase() === 'title'
      ? { kind: 'title', text: folded }
      : { kind: 'creator', name: folded };
  }
  let namespace: string | undefined;
  let nameText = body;
  let nameAt = at;
  const ns = body.startsWith('"') ? null : namespacedParts(body);
  if (body.startsWith(':') && namespacedParts(body.slice(1))) {
    // A leading ":" says "no namespace" for a wildcard that holds a colon (":re:zero*").
    nameText = body.slice(1);
    nameAt = at + 1;
  } else if (ns?.[1] && ns[2] && foldNamespace(ns[1]) !== '') {
    namespace = foldNamespace(ns[1]);
    nameText = ns[2];
    nameAt = at + ns[1].length + 1;
  }
  const { text, quoted } = unquote(nameText, nameAt, line);
  if (!quoted && text.includes('*')) {
    if (text.includes('"') || text.includes('#')) {
      throw new RuleSyntaxError(nameAt, 'wildcardQuotes');
    }
    // Punctuation at the pattern's edges is part of it: `*RPF)` is not `*RPF` (compile.ts tries such a
    // pattern on the tag with its edges kept too).
    const pattern = foldKeepingEdges(text.replaceAll('*', GLOB_MARK)).replaceAll(GLOB_MARK, '*');
    // `male:*` is every tag of a namespace (EhViewer filters so); `*` alone would be every tag.
    if (pattern.replaceAll('*', '').trim() === '' && (namespace === undefined || pattern !== '*')) {
      throw new RuleSyntaxError(nameAt, 'wildcardAlone');
    }
    return namespace === undefined ? { kind: 'glob', pattern } : { kind: 'glob', namespace, pattern };
  }
  const name = fold(text);
  if (!name) throw new RuleSyntaxError(nameAt, 'noTag');
  return namespace === undefined ? { kind: 'tag', name } : { kind: 'tag', namespace, name };
}

function isSpecial(token: Token): boolean {
  return token.body.startsWith('/') || token.body.includes('"') || TEXT_FIELDS.test(token.body);
}

/**
 * Parses one line of a blocklist. Blank lines and `# comments` give `rule: null`.
 * A line of plain words is one tag, spaces included (`Major Character Death`); a line with `-`, `~` or `+`
 * terms (or a quoted, regex, title: or creator: term) combines its terms on one entry, booru style.
 * Never throws: a line it cannot read gives an error with the column and a message for the user.
 */
export function parseRule(line: string): ParseResult {
  return parseRuleWith(line, (source, flags) => prepareRegexWith(source, flags, slowVerdict));
}

/** parseRule with its expressions checked by `prepare` (one shared by a batch of lines: regex.ts preparing). */
export function parseRuleWith(line: string, prepare: RegexPreparer): ParseResult {
  if (line.length > MAX_RULE_LENGTH) {
    return {
      ok: false,
      error: {
        column: MAX_RULE_LENGTH + 1,
        code: 'tooLong',
        params: [MAX_RULE_LENGTH],
        message: englishRuleMessage({ code: 'tooLong', params: [MAX_RULE_LENGTH] }),
      },
    };
  }
  const entryError = entryRuleError(line); // `entry:<site>/<id>` (entry-rules.ts); a well-formed one reads as a tag
  if (entryError) return { ok: false, error: entryError };
  try {
    const { tokens, note } = tokenize(line);
    // `-_-`, `+_+`, `~_~` alone on a line are booru tags, not "-" before `_-` (in a combination, quote them):
    // a term with no letter or digit after its sign.
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (only && only.prefix !== '' && !/["/*]/u.test(only.body) && !hasWordChar(only.body)) {
      tokens[0] = { prefix: '', body: only.prefix + only.body, at: only.at - 1, end: only.end };
    }
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return { ok: true, rule: null };
    const source = line.slice(first.at - first.prefix.length, last.end).trim();
    const compound = tokens.length > 1 && tokens.some((t) => t.prefix !== '' || isSpecial(t));
    let terms: Term[];
    if (compound || tokens.length === 1) {
      terms = tokens.map((t) => ({
        mode: PREFIX_MODE[t.prefix],
        atom: parseAtom(t.body, t.at, line, prepare),
      }));
    } else {
      // Plain words: one tag with spaces, as AO3 writes its tags.
      terms = [{ mode: 'all', atom: parseAtom(line.slice(first.at, last.end), first.at, line, prepare) }];
    }
    if (!terms.some((t) => t.mode !== 'not')) {
      throw new RuleSyntaxError(first.at, 'needsPositive');
    }
    const rule: Rule = { terms, source };
    if (note) rule.note = note;
    return { ok: true, rule };
  } catch (error) {
    if (error instanceof RuleSyntaxError) {
      return {
        ok: false,
        error: {
          column: Math.min(error.offset, line.length) + 1,
          code: error.code,
          params: error.params,
          message: error.message,
        },
      };
    }
    throw error;
  }
}

/** Quotes text so a rule reads it literally (`\"` and `\\` escaped). */
export function quote(text: string): string {
  return `"${text.replace(/[\\"]/gu, (c) => `\\${c}`)}"`;
}

/** Whether a folded name must be quoted to read back as the same single tag. */
function needsQuotes(name: string, compound: boolean, namespaced: boolean): boolean {
  return (
    /["\\*]/u.test(name) ||
    /(^|\s)[-~+/#]/u.test(name) ||
    /^(title|creator):/iu.test(name) ||
    (compound && /\s/u.test(name)) ||
    (!namespaced && /^[^\s:"]+:(?!\s)/u.test(name))
  );
}

/** Folded namespaces may hold spaces; `_` folds back to one. */
function formatNamespace(namespace: string): string {
  return namespace.replaceAll(' ', '_');
}

function formatAtom(atom: Atom, compound: boolean): string {
  switch (atom.kind) {
    case 'tag': {
      const namespaced = atom.namespace !== undefined;
      const name = needsQuotes(atom.name, compound, namespaced) ? quote(atom.name) : atom.name;
      return namespaced ? `${formatNamespace(atom.namespace as string)}:${name}` : name;
    }
    case 'glob': {
      const spaced = compound ? atom.pattern.replaceAll(' ', '_') : atom.pattern;
      // A leading "/" would open a regular expression; a leading "_" (a space, trimmed) keeps it a glob.
      const body = spaced.startsWith('/') ? `_${spaced}` : spaced;
      if (atom.namespace !== undefined) return `${formatNamespace(atom.namespace)}:${body}`;
      return namespacedParts(body) ? `:${body}` : body;
    }
    case 'regex':
      return `/${atom.source}/${atom.flags}`;
    case 'title':
      return `title:${quote(atom.text)}`;
    case 'creator':
      return `creator:${quote(atom.name)}`;
  }
}

const MODE_PREFIX: Record<Mode, string> = { all: '+', not: '-', any: '~' };

/**
 * Whether one atom written plainly reads back as itself. A word starting with - ~ + / " or # would read
 * as a term of its own (or a comment); a wildcard may still read back whole (`* ~` is one pattern), and
 * must then be written so: as terms its spaces would become "_", which an all-punctuation pattern keeps.
 */
function plainReadsBack(atom: Atom): boolean {
  const plain = formatAtom(atom, false);
  if (!/(^|\s)[-~+/"#]/u.test(plain)) return true;
  if (atom.kind !== 'glob') return false;
  // A glob: no expression in it to check.
  const again = parseRuleWith(plain, (source, flags) => prepareRegexWith(source, flags, () => null));
  const only = again.ok && again.rule?.terms.length === 1 ? again.rule.terms[0] : undefined;
  return only?.mode === 'all' && JSON.stringify(only.atom) === JSON.stringify(atom);
}

/** Writes a rule back as a line that parses to the same rule. */
export function formatRule(rule: Pick<Rule, 'terms' | 'note'>): string {
  const [first] = rule.terms;
  // A word starting with - ~ + / " or # would read as a term of its own (or a comment): such a rule is
  // written as terms, where spaces inside a name are "_".
  const compound =
    rule.terms.length > 1 ||
    rule.terms.some((t) => t.mode !== 'all') ||
    (first !== undefined && !plainReadsBack(first.atom));
  const body = rule.terms
    .map((t, i) => {
      const atom = formatAtom(t.atom, compound);
      // "+" only where it is needed: to make a line of several terms compound, or to protect a leading - ~ +.
      const needsPrefix = t.mode !== 'all' || (compound && (i > 0 || /^[-~+]/u.test(atom)));
      return needsPrefix ? MODE_PREFIX[t.mode] + atom : atom;
    })
    .join(' ');
  return rule.note ? `${body} # ${rule.note}` : body;
}
