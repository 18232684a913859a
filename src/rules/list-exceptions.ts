import {
  type CheckedContext,
  type CompileContext,
  compileWith,
  fullChecks,
  type ListError,
  type TrippedRule,
} from './compile';
import type { RuleList, Tag } from './types';

/**
 * A list's own exceptions ("No Cheating" in the NTR list): lines in rule syntax that take a tag out of
 * that one list's sight. Tag by tag, not entry by entry: an entry tagged both "Cheating" and "No Cheating"
 * still meets the list through "Cheating", and every other list still sees "No Cheating".
 *
 * Each line is judged against one tag at a time, so a combination (`a -b`) only sees that tag, and
 * `title:`/`creator:` lines never apply here.
 */
export interface ListExceptions {
  /** The entry's tags this list may judge: the same array when no line matches any of them. */
  visible(tags: readonly Tag[]): readonly Tag[];
  /** Lines that did not parse (the others still apply). */
  errors: ListError[];
  /** Whether any line is in force; when none is, `visible` returns its input. */
  active: boolean;
  /** Lines whose expression the time guard switched off on this page. */
  tripped(): TrippedRule[];
}

const LIST_ID = 'list-exceptions';

export function compileListExceptions(
  lines: readonly string[],
  options: { aliases?: readonly (readonly string[])[]; context?: CompileContext } = {},
): ListExceptions {
  const context = options.context ?? {};
  return listExceptionsWith(lines, options.aliases ?? [], { ...context, ...fullChecks() });
}

/** A list's own exceptions, compiled in the list's context (with its ReDoS check: compile.ts's compileWith). */
export function listExceptionsWith(
  lines: readonly string[],
  aliases: readonly (readonly string[])[],
  context: CheckedContext,
): ListExceptions {
  const list: RuleList = {
    id: LIST_ID,
    name: 'Exceptions',
    enabled: true,
    action: 'label',
    patterns: [...lines],
  };
  const matcher = compileWith({ lists: [list], aliases }, context);
  const active = matcher.ruleCount > 0;
  const excepted = (tag: Tag) =>
    matcher.judge({ id: '', tags: [tag], title: '', creators: [] }).action !== null;
  return {
    errors: matcher.errors,
    active,
    tripped: matcher.tripped,
    visible(tags) {
      if (!active) return tags;
      // Most entries carry no excepted tag: copy only from the first one that is.
      let kept: Tag[] | null = null;
      for (let i = 0; i < tags.length; i++) {
        const tag = tags[i] as Tag;
        if (excepted(tag)) kept ??= tags.slice(0, i);
        else kept?.push(tag);
      }
      return kept ?? tags;
    },
  };
}
