// The rule editor's logic, without a DOM: what a list's text stores, which lines are bad, how an edit
// lands on rules another page or device changed meanwhile. Tested in editor-model.test.ts.
import { type CheckedLines, checkLines } from '../ui/rule-lines';

/**
 * What Save stores: every non-blank line as the user wrote it (trimmed), in the user's order, bad lines
 * and notes included — a line that does not read is kept as the user's text and flagged, never dropped
 * (the matcher skips it, the page reports it). A repeated line is stored once.
 */
export function storedLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === '' || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

/**
 * The rules after an edit, applied to what is stored now. The user's lines keep the user's order; what
 * another page or device removed since editing began (`base` → `latest`) goes, unless the user added it
 * back; what it added comes after the user's lines.
 */
export function mergeOrdered(
  base: readonly string[],
  edited: readonly string[],
  latest: readonly string[],
): string[] {
  const before = new Set(base);
  const now = new Set(latest);
  const removedElsewhere = new Set([...before].filter((r) => !now.has(r)));
  const out = edited.filter((r) => !removedElsewhere.has(r));
  const have = new Set(out);
  for (const rule of latest) {
    if (before.has(rule) || have.has(rule)) continue;
    have.add(rule);
    out.push(rule);
  }
  return out;
}

/** A draft's text rebuilt on rules changed elsewhere: their changes in, the user's lines and order kept. */
export function rebaseText(base: readonly string[], text: string, latest: readonly string[]): string {
  const lines = text.split(/\r?\n/u);
  const kept = storedLines(text);
  const merged = mergeOrdered(base, kept, latest);
  if (merged.join('\n') === kept.join('\n')) return text;
  // Keep the user's blank lines where the text is unchanged; rules from elsewhere go at the end.
  const mergedSet = new Set(merged);
  const out = lines.filter((l) => l.trim() === '' || mergedSet.has(l.trim()));
  const present = new Set(out.map((l) => l.trim()));
  for (const rule of merged) if (!present.has(rule)) out.push(rule);
  return out.join('\n');
}

/**
 * The editor's text once a save came back with `after` (the rules as stored). Lines the settings writer
 * left out (`dropped`: over the length limit) stay in the box as the user wrote them, and so does
 * anything typed while the save ran; otherwise the box shows what was stored.
 */
export function textAfterSave(
  sent: readonly string[],
  typedAtSave: string,
  typedNow: string,
  after: readonly string[],
): { text: string; dropped: string[] } {
  const stored = new Set(after);
  const dropped = sent.filter((line) => !stored.has(line));
  if (dropped.length > 0) return { text: typedNow, dropped };
  if (typedNow !== typedAtSave) return { text: rebaseText(sent, typedNow, after), dropped };
  return { text: after.join('\n'), dropped };
}

export interface GutterLine {
  /** 1-based line of the editor. */
  line: number;
  error: boolean;
}

/** One gutter mark per line of the text: its number, and whether the line does not read. */
export function gutter(text: string, checked: CheckedLines): GutterLine[] {
  const bad = new Set(checked.errors.map((e) => e.line));
  const count = text.split(/\r?\n/u).length;
  return Array.from({ length: count }, (_, i) => ({ line: i + 1, error: bad.has(i + 1) }));
}

/** Where line `line` (1-based) starts and ends in `text`, to put the caret on it. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/** The 1-based line the caret is on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const cache = new Map<string, { text: string; checked: CheckedLines }>();

/** checkLines, remembered per editor: a redraw that did not change an editor's text reads nothing again. */
export function checkedFor(key: string, text: string): CheckedLines {
  const hit = cache.get(key);
  if (hit?.text === text) return hit.checked;
  const checked = checkLines(text);
  cache.set(key, { text, checked });
  return checked;
}
