import { EntryRules } from './entry-rules';
import { globMatcher } from './glob';
import { lazyRegExp } from './lazy-regexp';
import { type ListExceptions, listExceptionsWith } from './list-exceptions';
import { type FoldedTag, fold, foldKeepingEdges, foldTag, MISC_NAMESPACE } from './normalize';
import { type Atom, type Mode, parseRuleWith, type RuleError } from './parse';
import type { LineReader } from './parsed-lines';
import {
  expressionKey,
  literalSubject,
  MAX_REGEX_INPUT,
  mayMatch,
  preparing,
  type RegexResult,
  regexResult,
  writtenForm,
} from './regex';
import type { RegexBuilder } from './regex-verdicts';
import { containsPhrase } from './text';
import {
  ACTION_STRENGTH,
  type Action,
  type EntryFacts,
  type FactNeeds,
  NO_VERDICT,
  type Reason,
  type RuleList,
  type Tag,
  type Verdict,
} from './types';

export interface CompileInput {
  lists: readonly RuleList[];
  /** Rules that, when they match an entry, keep it untouched whatever the lists say. */
  exceptions?: readonly string[];
  /** Groups of spellings to treat as one tag: `[['netorare', 'ntr', '寝取られ']]`. */
  aliases?: readonly (readonly string[])[];
}

export interface CompileContext {
  /** The site being judged; lists scoped to other sites are left out. */
  site?: string;
  /** Now, in epoch milliseconds (snoozes end); defaults to Date.now(). */
  now?: number;
  /** The clock the regular-expression guard reads, in ms; defaults to performance.now(). */
  clock?: () => number;
  /**
   * Try every glob and expression on every tag, without the literal gate: what the gate must agree with
   * (its property test in compile.test.ts). Never set outside tests; only slower.
   */
  ungated?: boolean;
}

/** A context that says how lines are read and expressions built, checked for ReDoS (compileWith). */
export interface CheckedContext extends CompileContext {
  /**
   * How an expression becomes a RegExp: compiled here with the ReDoS check (fullChecks), or built from
   * what the background prepared, as a content script does; one nothing prepared is refused
   * (regex-verdicts.ts fromChecked).
   */
  regex: RegexBuilder;
  /**
   * Each line's parse: the parser's (fullChecks), or parses made earlier, as a content script has them
   * (regex-verdicts.ts fromChecked; it carries no parser).
   */
  read: LineReader;
}

/**
 * The run-time guard on regular expressions (behind the ReDoS check, for what it cannot see): one call
 * that takes longer than this switches the expression off for the rest of the matcher's life (the page).
 * An expression sees at most MAX_REGEX_INPUT characters; an accepted one takes about a millisecond there.
 */
export const REGEX_CALL_BUDGET_MS = 20;
/**
 * …and so does spending more than this in one expression over the matcher's life, many calls together.
 * A 10,000-work page asks an expression about each distinct tag once: some 30,000 calls of a few µs.
 */
export const REGEX_PAGE_BUDGET_MS = 200;

/** A rule whose regular expression the guard switched off. */
export interface TrippedRule {
  listId: string;
  listName: string;
  /** The rule as the user wrote it. */
  rule: string;
}

export interface ListError extends RuleError {
  listId: string;
  listName: string;
  /** 0-based index of the pattern in the list. */
  line: number;
  text: string;
}

/** Compiled once per settings change; judging an entry costs a few hash look-ups per tag. */
export interface Matcher {
  judge(entry: EntryFacts): Verdict;
  /** Lines that did not parse; the rest of their lists still apply. */
  errors: ListError[];
  ruleCount: number;
  /** The facts beyond tags that the rules (and exceptions) ask about. */
  needs: FactNeeds;
  /** When the result of compiling would change by itself (a snooze ends), in epoch ms. */
  nextChange?: number;
  /**
   * What was compiled (the lists in force, exceptions, aliases): two matchers with the same key judge
   * every entry alike, so a settings change that leaves it as it was need not judge a page again.
   */
  key: string;
  /**
   * The rules whose regular expression took too long (REGEX_CALL_BUDGET_MS, REGEX_PAGE_BUDGET_MS) and is
   * switched off: it matches nothing from then on; entries judged before keep their verdict.
   */
  tripped(): TrippedRule[];
}

/** Punctuation at the outer edge of a wildcard's text: `*RPF)`, `(*`. */
const edgePunctuation = lazyRegExp(() => /^\p{P}|\p{P}$/u);

/** The list id reasons from the exceptions carry. */
export const EXCEPTIONS_ID = 'exceptions';
/** How a list's own exceptions are named beside the list's name in a problem line. */
const EXCEPTIONS_NAME = 'exceptions';

interface CompiledRule {
  listId: string;
  listName: string;
  action: Action;
  source: string;
  note?: string;
  exception: boolean;
  terms: { mode: Mode; atom: number }[];
}

/** What matched an atom on one entry: the tag, or the title/creator text. */
type Evidence = { tag: Tag } | { text: string };

const NONE: readonly number[] = Object.freeze([]);
/** What a literal must escape to stand for itself in an expression. */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** The longest non-empty text of several, if any. */
function longest(texts: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const text of texts) if (text.length > (best?.length ?? 0)) best = text;
  return best;
}
/** Distinct folded tags remembered per matcher with the atoms they match. */
const TAG_RESULT_CACHE_MAX = 100_000;

function atomKey(atom: Atom): string {
  switch (atom.kind) {
    case 'tag':
      return `t\u0000${atom.namespace ?? ''}\u0000${atom.name}`;
    case 'glob':
      return `g\u0000${atom.namespace ?? ''}\u0000${atom.pattern}`;
    case 'regex':
      return `r\u0000${atom.flags}\u0000${atom.source}`;
    case 'title':
      return `i\u0000${atom.text}`;
    case 'creator':
      return `c\u0000${atom.name}`;
  }
}

/** The parser and the full ReDoS check (the extension's pages and background). */
export function fullChecks(): { regex: RegexBuilder; read: LineReader } {
  // A line's parse checks its expressions and compiling them asks again: each is checked and built once.
  const prepare = preparing();
  return {
    regex: (source, flags) => regexResult(prepare(source, flags)),
    read: (line) => parseRuleWith(line, prepare),
  };
}

/** Compiles rules, parsing them, with the ReDoS check on every regular expression. */
export function compile(input: CompileInput | readonly RuleList[], context: CompileContext = {}): Matcher {
  return compileWith(input, { ...context, ...fullChecks() });
}

/**
 * Compiles rules read by `context.read`, their expressions built by `context.regex`: what a content
 * script uses, with the parses and prepared expressions its snapshot carries, so that it carries neither
 * the parser nor the ReDoS check (redos.ts) itself.
 */
export function compileWith(input: CompileInput | readonly RuleList[], context: CheckedContext): Matcher {
  const {
    lists,
    exceptions = [],
    aliases = [],
  } = Array.isArray(input) ? { lists: input as readonly RuleList[] } : (input as CompileInput);
  const now = context.now ?? Date.now();
  const clock = context.clock ?? (() => performance.now());
  /** Atom ids of the regular expressions the guard switched off. */
  const switchedOff = new Set<number>();
  const errors: ListError[] = [];
  /** Each list's own exceptions: the expressions their guard switched off. */
  const exceptionGuards: (() => TrippedRule[])[] = [];
  let nextChange: number | undefined;
  const entryRules = new EntryRules(context.site); // `entry:<site>/<id>` lines: matched by id (entry-rules.ts)

  const canonical = new Map<string, string>();
  for (const group of aliases) {
    const [head] = group;
    if (head === undefined) continue;
    const target = fold(head);
    for (const spelling of group) canonical.set(fold(spelling), target);
  }
  const canon = (name: string) => canonical.get(name) ?? name;

  const atomIds = new Map<string, number>();
  const exactAny = new Map<string, number[]>();
  const exactNs = new Map<string, number[]>();
  /**
   * Globs and regular expressions, each tried once per distinct tag. Globs see the tag's name; regular
   * expressions also `namespace:name`, so they may name the namespace.
   */
  const patterns: {
    id: number;
    namespace?: string;
    test: (subject: string) => boolean;
    regex: boolean;
    /** A glob with punctuation at an outer edge (`*RPF)`): also tried on the tag with its edges kept. */
    edges?: boolean;
    /** Text (lower case) every subject it matches contains, when there is one: the gate's part. */
    literal?: string;
  }[] = [];
  const titles: { id: number; text: string }[] = [];
  const creators = new Map<string, number[]>();
  const rules: CompiledRule[] = [];
  /** Atom id → rules that one of their positive terms (all/any) names. */
  const triggers = new Map<number, number[]>();

  /** Each expression compiled once, with this context's ReDoS check. */
  const regexResults = new Map<string, RegexResult>();
  const compiledRegex = (source: string, flags: string): RegexResult => {
    const key = expressionKey(source, flags);
    let result = regexResults.get(key);
    if (!result) {
      result = context.regex(source, flags);
      regexResults.set(key, result);
    }
    return result;
  };

  const push = <K>(map: Map<K, number[]>, key: K, id: number) => {
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };

  const addAtom = (atom: Atom): number => {
    const key = atomKey(atom);
    const known = atomIds.get(key);
    if (known !== undefined) return known;
    const id = atomIds.size;
    atomIds.set(key, id);
    switch (atom.kind) {
      case 'tag':
        if (atom.namespace === undefined) push(exactAny, canon(atom.name), id);
        else push(exactNs, `${atom.namespace}\u0000${canon(atom.name)}`, id);
        break;
      case 'glob':
        patterns.push({
          id,
          namespace: atom.namespace,
          test: globMatcher(atom.pattern),
          regex: false,
          edges: edgePunctuation().test(atom.pattern),
          literal: longest(atom.pattern.split('*')),
        });
        break;
      case 'regex': {
        const compiled = compiledRegex(atom.source, atom.flags);
        if (compiled.ok) {
          const { regex, literals } = compiled;
          let spent = 0;
          // Two clock reads a call, and a call only once per distinct tag (atomsForTag caches); none for a
          // tag that lacks the text every match contains.
          const guarded = (subject: string): boolean => {
            if (switchedOff.has(id) || !mayMatch(subject, literals)) return false;
            const start = clock();
            const hit = regex.test(subject);
            const took = clock() - start;
            spent += took;
            if (took > REGEX_CALL_BUDGET_MS || spent > REGEX_PAGE_BUDGET_MS) switchedOff.add(id);
            return hit;
          };
          patterns.push({ id, test: guarded, regex: true, literal: longest(literals) });
        }
        break;
      }
      case 'title':
        titles.push({ id, text: atom.text });
        break;
      case 'creator':
        push(creators, canon(atom.name), id);
        break;
    }
    return id;
  };

  const addRules = (
    texts: readonly string[],
    owner: { listId: string; listName: string; action: Action; exception: boolean },
  ) => {
    texts.forEach((text, line) => {
      if (entryRules.add(text, owner)) return;
      const parsed = context.read(text);
      if (!parsed.ok) {
        errors.push({ ...parsed.error, listId: owner.listId, listName: owner.listName, line, text });
        return;
      }
      if (!parsed.rule) return;
      // A parse made elsewhere (a page's are the background's) is compiled here with this context's
      // check: an expression it refuses (on a page, one no verdict covers) takes its rule out, said so.
      for (const { atom } of parsed.rule.terms) {
        const compiled = atom.kind === 'regex' ? compiledRegex(atom.source, atom.flags) : undefined;
        if (compiled && !compiled.ok) {
          const { code, params } = compiled;
          errors.push({
            code,
            params,
            column: 1,
            listId: owner.listId,
            listName: owner.listName,
            line,
            text,
          });
          return;
        }
      }
      const ruleId = rules.length;
      const terms = parsed.rule.terms.map((t) => ({ mode: t.mode, atom: addAtom(t.atom) }));
      const rule: CompiledRule = { ...owner, source: parsed.rule.source, terms };
      if (parsed.rule.note) rule.note = parsed.rule.note;
      rules.push(rule);
      for (const term of new Set(terms.filter((t) => t.mode !== 'not').map((t) => t.atom))) {
        push(triggers, term, ruleId);
      }
    });
  };

  const inForce: unknown[] = [];
  /** Lists with exceptions of their own, by list id: they judge only the tags those leave them. */
  const listSight = new Map<string, ListExceptions>();
  for (const list of lists) {
    if (!list.enabled) continue;
    if (list.sites && context.site !== undefined && !list.sites.includes(context.site)) continue;
    if (list.snoozedUntil !== undefined && list.snoozedUntil > now) {
      nextChange = Math.min(nextChange ?? Number.POSITIVE_INFINITY, list.snoozedUntil);
      continue;
    }
    addRules(list.patterns, { listId: list.id, listName: list.name, action: list.action, exception: false });
    inForce.push([list.id, list.name, list.action, list.patterns, list.exceptions ?? []]);
    if (list.exceptions && list.exceptions.length > 0) {
      const own = listExceptionsWith(list.exceptions, aliases, context);
      if (own.active) listSight.set(list.id, own);
      // The exceptions' own problems are the list's: said with its name, like its rules' problems.
      const listName = `${list.name} (${EXCEPTIONS_NAME})`;
      for (const error of own.errors) errors.push({ ...error, listId: list.id, listName });
      exceptionGuards.push(() => own.tripped().map((r) => ({ ...r, listId: list.id, listName })));
    }
  }
  if (rules.length > 0) {
    addRules(exceptions, { listId: EXCEPTIONS_ID, listName: 'Exceptions', action: 'label', exception: true });
  }
  const key = JSON.stringify([inForce, rules.length > 0 ? exceptions : [], aliases]);
  const ruleCount = rules.filter((r) => !r.exception).length;

  /**
   * The gate: one expression of every pattern's literal, run once on a subject instead of each pattern's
   * test. A subject it does not match can match only the patterns without a literal; one it matches is
   * tried against all. On a page's first entries the code is cold and every tag is new, so one native
   * search instead of dozens of interpreted calls a tag is most of the first judging's cost
   * (docs/performance.md).
   */
  const ungated = patterns.filter((p) => p.literal === undefined);
  const gate =
    context.ungated || ungated.length === patterns.length
      ? null
      : new RegExp(
          patterns
            .flatMap((p) => (p.literal === undefined ? [] : [p.literal.replace(REGEX_SYNTAX, '\\$&')]))
            .join('|'),
        );
  const opens = (subject: string): boolean => gate === null || gate.test(literalSubject(subject));
  const candidates = (subject: string) => (opens(subject) ? patterns : ungated);

  /** Per distinct folded tag, the atoms it matches: exact look-ups plus every glob and regex, once. */
  const tagResults = new Map<string, readonly number[]>();
  const hasRegex = patterns.some((p) => p.regex);
  const hasEdges = patterns.some((p) => p.edges);
  const seesWritten = hasRegex || hasEdges;
  const atomsForTag = (
    folded: FoldedTag,
    dictionaryName: string | undefined,
    writtenName: string,
  ): readonly number[] => {
    let cacheKey = dictionaryName === undefined ? folded.key : `${folded.key}\u0000${dictionaryName}`;
    // Expressions also see the tag as written: two spellings of one folded tag may answer differently.
    const regexes = seesWritten;
    if (regexes) cacheKey += `\u0001${writtenName}`;
    const cached = tagResults.get(cacheKey);
    if (cached) return cached;
    const found = new Set<number>();
    const names = new Set([folded.name, canon(folded.name)]);
    if (dictionaryName !== undefined) {
      const d = fold(dictionaryName);
      names.add(d);
      names.add(canon(d));
    }
    for (const name of names) {
      for (const id of exactAny.get(name) ?? NONE) found.add(id);
      // A tag without a namespace is in E-Hentai's "misc" one (`misc:artbook`).
      const ns = folded.namespace ?? MISC_NAMESPACE;
      for (const id of exactNs.get(`${ns}\u0000${name}`) ?? NONE) found.add(id);
      // Expressions may also be tried on `namespace:name`, which holds the name: one gate for both.
      for (const p of candidates(folded.namespace === undefined ? name : `${folded.namespace}:${name}`)) {
        if (p.namespace !== undefined && p.namespace !== ns) continue;
        const subject = name.slice(0, MAX_REGEX_INPUT);
        if (p.test(subject)) found.add(p.id);
        else if (p.regex && folded.namespace !== undefined && p.test(`${folded.namespace}:${subject}`)) {
          found.add(p.id);
        }
      }
    }
    if (regexes) {
      const ns = folded.namespace ?? MISC_NAMESPACE;
      for (const text of dictionaryName === undefined ? [writtenName] : [writtenName, dictionaryName]) {
        // Expressions run case-insensitively: a written form that differs from a folded name only in
        // case ("Netorare") was answered by that name already; so was a kept-edges form equal to one.
        const written = hasRegex ? writtenForm(text) : '';
        const writtenNew = hasRegex && !names.has(written.toLowerCase());
        const kept = hasEdges ? foldKeepingEdges(text) : '';
        const keptNew = hasEdges && !names.has(kept);
        if (!writtenNew && !keptNew) continue;
        const writtenOpen =
          writtenNew && opens(folded.namespace === undefined ? written : `${folded.namespace}:${written}`);
        const keptOpen = keptNew && opens(kept);
        for (const p of writtenOpen || keptOpen ? patterns : ungated) {
          if (found.has(p.id)) continue;
          if (p.regex) {
            if (!writtenNew || (p.literal !== undefined && !writtenOpen)) continue;
            if (
              p.test(written) ||
              (folded.namespace !== undefined && p.test(`${folded.namespace}:${written}`))
            )
              found.add(p.id);
          } else if (p.edges) {
            if (!keptNew || (p.literal !== undefined && !keptOpen)) continue;
            if ((p.namespace === undefined || p.namespace === ns) && p.test(kept)) found.add(p.id);
          }
        }
      }
    }
    const result = found.size === 0 ? NONE : [...found];
    if (tagResults.size >= TAG_RESULT_CACHE_MAX) tagResults.clear();
    tagResults.set(cacheKey, result);
    return result;
  };

  const rawResults = new Map<string, Map<string | undefined, readonly number[]>>();

  /** The atoms an entry's tags (and title, creators) match, each with its evidence; null for none. */
  function collectHits(tags: readonly Tag[], entry: EntryFacts): Map<number, Evidence> | null {
    let matched: Map<number, Evidence> | null = null;
    const note = (id: number, evidence: Evidence) => {
      matched ??= new Map();
      if (!matched.has(id)) matched.set(id, evidence);
    };
    for (const tag of tags) {
      // Hot path: the tag as the site wrote it → the atoms it matches, in two look-ups once seen.
      let byNamespace = rawResults.get(tag.name);
      let ids = byNamespace?.get(tag.namespace);
      if (ids === undefined || tag.canonical !== undefined) {
        ids = atomsForTag(foldTag(tag), tag.canonical, tag.name);
        if (tag.canonical === undefined) {
          if (!byNamespace) {
            if (rawResults.size >= TAG_RESULT_CACHE_MAX) rawResults.clear();
            byNamespace = new Map();
            rawResults.set(tag.name, byNamespace);
          }
          byNamespace.set(tag.namespace, ids);
        }
      }
      if (ids.length > 0) for (const id of ids) note(id, { tag });
    }
    if (titles.length > 0 && entry.title) {
      const title = fold(entry.title.slice(0, MAX_REGEX_INPUT));
      for (const t of titles) if (containsPhrase(title, t.text)) note(t.id, { text: entry.title });
    }
    if (creators.size > 0) {
      for (const creator of entry.creators) {
        for (const id of creators.get(canon(fold(creator))) ?? NONE) note(id, { text: creator });
      }
    }
    return matched as Map<number, Evidence> | null;
  }

  function judge(entry: EntryFacts): Verdict {
    if (ruleCount === 0) return NO_VERDICT;
    const hits = collectHits(entry.tags, entry);
    if (!hits) return NO_VERDICT;
    // A list with exceptions of its own judges only the tags they leave; nothing to do when they take
    // none (visible returns the same array), and nothing at all for lists without exceptions.
    let sight: Map<string, Map<number, Evidence>> | null = null;
    if (listSight.size > 0) {
      for (const [listId, own] of listSight) {
        const visible = own.visible(entry.tags);
        if (visible === entry.tags) continue;
        sight ??= new Map();
        sight.set(listId, collectHits(visible, entry) ?? new Map());
      }
    }

    const candidates = new Set<number>();
    for (const id of hits.keys()) for (const r of triggers.get(id) ?? NONE) candidates.add(r);
    let action: Action | null = null;
    const reasons: Reason[] = [];
    for (const ruleId of [...candidates].sort((a, b) => a - b)) {
      const rule = rules[ruleId] as CompiledRule;
      const seen = (!rule.exception && sight?.get(rule.listId)) || hits;
      let evidence: Evidence | undefined;
      let anyNeeded = false;
      let anyFound = false;
      let ok = true;
      for (const term of rule.terms) {
        const hit = seen.get(term.atom);
        if (term.mode === 'not') {
          if (hit) ok = false;
        } else if (term.mode === 'all') {
          if (!hit) ok = false;
          else evidence ??= hit;
        } else {
          anyNeeded = true;
          if (hit) {
            anyFound = true;
            evidence ??= hit;
          }
        }
        if (!ok) break;
      }
      if (!ok || (anyNeeded && !anyFound) || !evidence) continue;
      if (rule.exception) return NO_VERDICT;
      const reason: Reason = {
        listId: rule.listId,
        listName: rule.listName,
        action: rule.action,
        rule: rule.source,
      };
      if (rule.note) reason.note = rule.note;
      if ('tag' in evidence) reason.tag = evidence.tag;
      else reason.text = evidence.text;
      reasons.push(reason);
      if (action === null || ACTION_STRENGTH[rule.action] > ACTION_STRENGTH[action]) action = rule.action;
    }
    return reasons.length > 0 ? { action, reasons } : NO_VERDICT;
  }

  const tripped = (): TrippedRule[] => [
    ...(switchedOff.size === 0
      ? []
      : rules
          .filter((r) => r.terms.some((t) => switchedOff.has(t.atom)))
          .map((r) => ({ listId: r.listId, listName: r.listName, rule: r.source }))),
    ...exceptionGuards.flatMap((own) => own()),
  ];

  const needs: FactNeeds = {
    title: titles.length > 0,
    creators: creators.size > 0,
    ...(entryRules.any ? { ids: true } : {}),
  };
  const matcher: Matcher = { judge: entryRules.wrap(judge), errors, ruleCount, needs, key, tripped };
  if (nextChange !== undefined) matcher.nextChange = nextChange;
  return matcher;
}
