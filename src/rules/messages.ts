/**
 * What a rule's problem is, as a code with parameters: the pure modules (parse, regex) return these and
 * the pages translate them (src/ui/i18n.ts ruleErrorText, locale keys `ruleError_<code>`). The English
 * here is the same text as the English locale (a test holds them equal), for logs and for callers
 * without a browser.
 */
export const RULE_MESSAGES = {
  tooLong: 'A rule may be at most {0} characters long.',
  quoteUnclosed: 'This quote is never closed: add a " at the end.',
  regexUnclosed: 'This regular expression is never closed: end it with /.',
  afterQuote: 'Unexpected text after the closing quote.',
  fieldEmpty: 'Write the text after "{0}:".',
  wildcardQuotes: 'A wildcard rule cannot contain quotes or #; write the tag without them.',
  wildcardAlone: 'A wildcard alone would match every tag; add some text to it.',
  noTag: 'There is no tag here, only characters that show nothing.',
  needsPositive: 'A rule needs at least one tag that must be there; "-" only excludes.',
  regexEmpty: 'The regular expression is empty.',
  regexTooLong: 'Regular expressions may be at most {0} characters long.',
  regexFlags: 'Unknown flag in "{0}": only i, m, s and u are allowed.',
  regexInvalid: 'Not a valid regular expression: check its brackets, parentheses, escapes and repetitions.',
  slowExponential:
    'A repetition here can match the same text in more than one way, which can freeze the page on some tags (each extra character doubles the time); rewrite it so text matches only one way (e.g. "(ab)+" instead of "(a+b)+", "\\w+" instead of "(\\w|\\d)+").',
  slowPolynomial:
    'Repetitions here can pass the same text to each other (like "\\w*\\w*"), which can freeze the page on a long tag (time grows as its length to the power {0}); join repetitions that match the same characters into one.',
  slowBounded:
    'This expression has {0} choices in a row that match the same text, which can freeze the page on some tags; make the alternatives differ.',
  slowTooComplex: 'This expression is too large to check that it cannot freeze the page; write it shorter.',
  entryForm: 'Write the site and the entry’s id after "entry:", like entry:ao3/12345.',
  regexUnchecked:
    'This expression has not been checked yet, so it is not applied on this page; reload the page once Tagveil has saved your settings.',
  ruleUnchecked:
    'This rule has not been read by Tagveil yet, so it is not applied on this page; reload the page once Tagveil has saved your settings.',
} as const satisfies Record<RuleMessageCode, string>;

/**
 * Every problem's code, without its English: what a page checks a stored or sent problem against (the
 * English above stays out of the content scripts; RULE_MESSAGES must name exactly these).
 */
export const RULE_CODES = [
  'tooLong',
  'quoteUnclosed',
  'regexUnclosed',
  'afterQuote',
  'fieldEmpty',
  'wildcardQuotes',
  'wildcardAlone',
  'noTag',
  'needsPositive',
  'regexEmpty',
  'regexTooLong',
  'regexFlags',
  'regexInvalid',
  'slowExponential',
  'slowPolynomial',
  'slowBounded',
  'slowTooComplex',
  'entryForm',
  'regexUnchecked',
  'ruleUnchecked',
] as const;

export type RuleMessageCode = (typeof RULE_CODES)[number];

/** Whether a stored or sent value is a problem's code. */
export function isRuleCode(v: unknown): v is RuleMessageCode {
  return (RULE_CODES as readonly unknown[]).includes(v);
}

/** A problem to show: its code and the values its message names ({0}, {1}…). */
export interface RuleMessage {
  code: RuleMessageCode;
  params: (string | number)[];
}

/** The English text of a message (the locale files hold every language, English included). */
export function englishRuleMessage({ code, params }: RuleMessage): string {
  return RULE_MESSAGES[code].replace(/\{(\d)\}/gu, (_, i: string) => String(params[Number(i)] ?? ''));
}
