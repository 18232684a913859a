import type * as z from 'zod/mini';
import type { PageRequestSchema } from '../messages';
import { isParsedLines } from '../rules/parsed-lines';
import { isPreparedRegexes } from '../rules/regex-verdicts';

export type PageRequest = z.infer<typeof PageRequestSchema>;

/** Longest rule line (the settings schema's MAX_PATTERN_LENGTH, not imported: it would bundle zod). */
const MAX_RULE = 500;

const isRule = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_RULE;

/**
 * The popup's questions (answered by the page UI, answers.ts); the background's one other,
 * `tagveil:entry-at-menu`, the script answers at once.
 */
export const POPUP_REQUESTS: readonly unknown[] = [
  'tagveil:get-page-state',
  'tagveil:show-all',
  'tagveil:count-matches',
  'tagveil:list-entries',
];

/**
 * The popup's or background's request to the page, checked as PageRequestSchema (src/messages.ts)
 * checks it, without zod in the content script (requests.test.ts holds the two to the same answers).
 */
export function pageRequest(message: unknown): PageRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'tagveil:get-page-state':
    case 'tagveil:show-all':
    case 'tagveil:entry-at-menu':
    case 'tagveil:list-entries':
      return { type: m.type };
    case 'tagveil:count-matches': {
      if (!isRule(m.rule)) return null;
      const { aliases, regex, parsed } = m;
      const request: PageRequest = { type: m.type, rule: m.rule };
      if (aliases !== undefined) {
        if (!Array.isArray(aliases) || !aliases.every((g) => Array.isArray(g) && g.every(isRule)))
          return null;
        request.aliases = aliases as string[][];
      }
      if (regex !== undefined) {
        if (!isPreparedRegexes(regex)) return null;
        request.regex = regex;
      }
      if (parsed !== undefined) {
        if (!isParsedLines(parsed)) return null;
        request.parsed = parsed;
      }
      return request;
    }
    default:
      return null;
  }
}
