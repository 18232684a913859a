import { ALL_FACTS, type Tag } from '../rules/types';
import { type Message, msg } from '../settings/message';
import type { CustomSite } from '../settings/schema';
import { originPattern } from './origin';
import { type SiteAdapter, text } from './types';

/** An entry's own id, else its first link without the #fragment (an id holds no # or space). */
function entryId(entry: Element): string {
  return (
    entry.id || ((entry.querySelector('a[href]')?.getAttribute('href') ?? '').trim().split('#')[0] ?? '')
  );
}

/**
 * A site the user added in the options: entries and tags found by the selectors they gave. Registered
 * at run time (src/background/custom-sites.ts) on origins the user granted, not in the manifest.
 */
export function customAdapter(site: CustomSite): SiteAdapter {
  return {
    id: site.id,
    name: site.name,
    matches: [originPattern(site.origin)],
    entrySelector: site.entrySelector,
    expectsEntries: () => false, // nothing known about the site's pages beyond the selectors
    read(entry, needs = ALL_FACTS) {
      const tags: Tag[] = [];
      for (const el of entry.querySelectorAll(site.tagSelector)) {
        const name = text(el);
        if (name) tags.push({ name });
      }
      const titleEl = needs.title && site.titleSelector ? entry.querySelector(site.titleSelector) : null;
      return { id: entryId(entry), tags, title: text(titleEl), creators: [] };
    },
    readId: entryId,
  };
}

/** The id a custom site gets from its host: `custom-example-com`. */
export function customSiteId(origin: string): string {
  return `custom-${new URL(origin).host.toLowerCase().replace(/[^a-z0-9]+/gu, '-')}`;
}

/** Longest selector an added site keeps (the settings schema's limit). */
export const MAX_SELECTOR_LENGTH = 300;

/**
 * Characters a selector list never needs and CSS text uses to end a rule, start another or hide text:
 * `{ } ; @`, comments, HTML comment marks and control characters (a newline included).
 */
const REFUSED: readonly [RegExp, Message][] = [
  [/[{}]/u, msg('selectorError_braces')],
  [/;/u, msg('selectorError_semicolon')],
  [/@/u, msg('selectorError_at')],
  [/\/\*|\*\//u, msg('selectorError_comment')],
  [/<!--|-->/u, msg('selectorError_htmlComment')],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  [/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u, msg('selectorError_control')],
];

/** `\7b `, `\{`: what each CSS escape stands for, so an escape cannot hide a refused character. */
function unescapeCss(selector: string): string | null {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const hex = /^[0-9a-f]{1,6}/iu.exec(selector.slice(i + 1))?.[0];
    if (hex) {
      const code = Number.parseInt(hex, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
      out += String.fromCodePoint(code);
      i += hex.length;
      if (selector[i + 1] === ' ') i++; // the one space that ends a hex escape
    } else if (i + 1 < selector.length) {
      out += selector[++i];
    } else {
      return null; // a backslash at the end escapes nothing
    }
  }
  return out;
}

/** Strings closed, brackets and parentheses balanced (outside strings and escapes). */
function balanced(selector: string): boolean {
  const open: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') open.push(c === '[' ? ']' : ')');
    else if ((c === ']' || c === ')') && open.pop() !== c) return false;
  }
  return quote === null && open.length === 0;
}

/**
 * Why `selector` cannot be an added site's selector, or null: text only, no DOM (the background and
 * the settings schema use it). Refuses what a selector list does not need — REFUSED, also when written
 * as an escape — and unclosed strings or brackets. A locale key with its values: the options' site form
 * and the picker say it in the user's language (messageText).
 */
export function selectorTextProblem(selector: string): Message | null {
  if (selector.trim() === '') return msg('selectorError_empty');
  if (selector.length > MAX_SELECTOR_LENGTH) return msg('selectorError_tooLong', MAX_SELECTOR_LENGTH);
  const plain = unescapeCss(selector);
  if (plain === null) return msg('selectorError_escape');
  for (const [pattern, why] of REFUSED) if (pattern.test(selector) || pattern.test(plain)) return why;
  if (!balanced(selector)) return msg('selectorError_unclosed');
  return null;
}

/**
 * Why a selector cannot be used, or null when it reads: selectorTextProblem, then (where there is a
 * DOM) whether it parses, checked against an empty fragment. The browser's own reason is in English
 * (and names the selector again): not shown.
 */
export function selectorProblem(
  selector: string,
  doc: Document | undefined = globalThis.document,
): Message | null {
  const problem = selectorTextProblem(selector);
  if (problem || !doc) return problem;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return null;
  } catch {
    return msg('selectorError_invalid');
  }
}
