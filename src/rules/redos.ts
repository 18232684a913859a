/**
 * Tells whether a regular expression can make a backtracking engine (every browser's) take super-linear
 * time, by the automata theory that recheck's automaton checker uses (Weber & Seidl's degree of
 * ambiguity, as in Wüstholz et al. 2017 and Berglund et al. 2014):
 *
 * - The expression becomes a non-deterministic automaton whose states are its characters (ε-moves folded
 *   away, but counted: two ways through ε between the same characters are two paths, as `(a*)*` has).
 * - **Exponential**: some state can go round to itself reading one word in two different ways
 *   (`(a|a)*`, `(a+)+`, `(\w|\d)+`); each round doubles the paths the engine tries when the match fails.
 * - **Polynomial of degree d**: a chain of d loops where each can hand the same word over to the next
 *   (`\w*\w*\w*x` with the search from every start position is degree 4); time grows as n^d.
 * - **Bounded**: no loop, but many ambiguous choices in a row (`(a|a){30}`), 2^k paths for k choices.
 *
 * The engine stops at the first success, so only the states from which it can still fail matter: a state
 * from which the end of the expression is reached with no test left (no `$`, `\b`, look-around) ends the
 * search as soon as it is reached, and is left out. Look-arounds are read as always passing (more paths,
 * never fewer) and their bodies checked on their own; a back-reference as any text. Character classes are
 * compared on representatives (every character the expression names, range ends, case variants, and a
 * spread of ASCII and other scripts), so two classes that share only characters outside them can be
 * missed: the matcher's time guard (compile.ts) is there for what this misses.
 *
 * Pure and synchronous: a few milliseconds for an expression with loops, nothing for one without.
 */

export type Complexity =
  | { kind: 'linear' }
  | { kind: 'polynomial'; degree: number }
  | { kind: 'bounded'; choices: number }
  | { kind: 'exponential' }
  /** Too large to analyse within the budget (a huge counted repetition). */
  | { kind: 'too-complex' };

export interface RedosReport {
  complexity: Complexity;
  /** Loops one after another that can hand text on (the search counts): 0 none, 1 linear, 2 quadratic… */
  degree: number;
  /** Whether the expression may be used: not exponential, degree below MAX_SAFE_DEGREE, few choices. */
  safe: boolean;
  /** 0-based offset in the source of the part that makes it slow (or 0). */
  offset: number;
}

/**
 * Regular expressions see at most MAX_REGEX_INPUT (300) characters: degree 2 is 45,000 steps at most,
 * degree 3 already millions on a crafted tag. (The search from every start position counts as a loop:
 * `(ab)+c` is degree 2.)
 */
export const MAX_SAFE_DEGREE = 2;
/** 2^k paths for k ambiguous choices in a row; 2^10 on every start position of 300 is still fast. */
export const MAX_SAFE_CHOICES = 10;
/** States after counted repetitions are written out (`a{50}` is 50). */
const MAX_STATES = 2_000;
/** Steps (visits of automaton states, pairs and triples) the analysis may take before giving up. */
const MAX_WORK = 2_000_000;

// ─── Parsing (the expression is valid: the RegExp constructor accepted it with the u flag) ─────────────

type Node =
  | { t: 'char'; atom: string; at: number }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; min: number; max: number; body: Node; at: number }
  | { t: 'assert'; start: boolean }
  | { t: 'look'; body: Node; at: number }
  | { t: 'backref'; at: number };

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  alternation(): Node {
    const items = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'alt', items };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const at = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, at));
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'seq', items };
  }

  quantified(atom: Node, at: number): Node {
    const s = this.s;
    const ch = s[this.i];
    let min = -1;
    let max = 0;
    const quantifierAt = this.i;
    if (ch === '*' || ch === '+' || ch === '?') {
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
      this.i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(s.slice(this.i));
      if (m) {
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.i += m[0].length;
      }
    }
    if (min < 0) return atom;
    if (s[this.i] === '?') this.i++; // lazy: the same paths, tried in another order
    return { t: 'rep', min, max, body: atom, at: Math.max(at, quantifierAt) };
  }

  atom(): Node {
    const s = this.s;
    const at = this.i;
    const ch = s[at] as string;
    if (ch === '(') {
      let look = false;
      this.i++;
      if (s[this.i] === '?') {
        const head = /^\?(?:<[=!]|[=!:]|<[^>]*>|[imsx-]*:)/u.exec(s.slice(this.i))?.[0] ?? '?';
        look = /^\?<?[=!]$/u.test(head);
        this.i += head.length;
      }
      const body = this.alternation();
      this.i++; // ")"
      return look ? { t: 'look', body, at } : body;
    }
    if (ch === '[') {
      let j = at + 1;
      if (s[j] === '^') j++;
      if (s[j] === ']') j++; // not allowed with u, but harmless
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      return { t: 'char', atom: s.slice(at, this.i), at };
    }
    if (ch === '\\') {
      const next = s[at + 1] ?? '';
      if (next === 'b' || next === 'B') {
        this.i += 2;
        return { t: 'assert', start: false };
      }
      if (/[1-9]/u.test(next) || next === 'k') {
        this.i += 2 + (/^(?:\d*|<[^>]*>)/u.exec(s.slice(at + 2))?.[0].length ?? 0);
        return { t: 'backref', at };
      }
      this.i += escapeSpan(s, at);
      return { t: 'char', atom: s.slice(at, this.i), at };
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return { t: 'assert', start: ch === '^' };
    }
    const cp = s.codePointAt(at) as number;
    this.i += cp > 0xffff ? 2 : 1;
    return { t: 'char', atom: s.slice(at, this.i), at };
  }
}

/** How many characters the escape at `i` spans (`\x41`, `\u{1F600}`, `\p{L}`, `\cJ`, `\d`…). */
function escapeSpan(s: string, i: number): number {
  const kind = s[i + 1] ?? '';
  const rest = s.slice(i + 2);
  let m: RegExpExecArray | null = null;
  if (kind === 'x') m = /^[0-9a-fA-F]{2}/u.exec(rest);
  else if (kind === 'u')
    m = /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2})?)/u.exec(rest);
  else if (kind === 'c') m = /^[a-zA-Z]/u.exec(rest);
  else if (kind === 'p' || kind === 'P') m = /^\{[^}]*\}/u.exec(rest);
  const cp = kind.length > 0 ? (s.codePointAt(i + 1) as number) : 0;
  return 2 + (m?.[0].length ?? (cp > 0xffff ? 1 : 0));
}

// ─── Character classes, compared on representatives ─────────────────────────────────────────────────────

/** ASCII, Latin-1, and characters that case folding or the classes treat specially, plus other scripts. */
let baseSample: string | undefined;
function baseSampleOnce(): string {
  if (baseSample !== undefined) return baseSample;
  let out = '';
  for (let c = 0; c < 0x100; c++) out += String.fromCodePoint(c);
  const more = [
    0x130, 0x131, 0x17f, 0x1c5, 0x212a, 0x212b, 0x3a3, 0x3c2, 0x3c3, 0x3b1, 0x391, 0x430, 0x410, 0x5d0, 0x627,
    0x663, 0x6f3, 0x905, 0x966, 0xe01, 0xe51, 0x10a0, 0x1100, 0x1e9e, 0x1f600, 0x10400, 0x10428, 0x2000,
    0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x1680, 0xfeff, 0x2013, 0x2014, 0x2019, 0x201c, 0x2026,
    0x2640, 0x2642, 0x3001, 0x3002, 0x3041, 0x3042, 0x3093, 0x30a2, 0x30fc, 0x4e00, 0x5bdd, 0x53d6, 0x9fa5,
    0xac00, 0xd7a3, 0xff01, 0xff10, 0xff21, 0xff41, 0xff66, 0x301, 0x308, 0x20ac, 0x2160, 0x24b6, 0x1d400,
    0x20000, 0xe000, 0xfffd,
  ];
  for (const c of more) out += String.fromCodePoint(c);
  baseSample = out;
  return out;
}

/**
 * With a Unicode property in the expression: a spread over every plane with letters. Both samples are
 * made at their first use, not when the module loads: a content script that only reads the check's
 * verdicts never builds them.
 */
let wideSample: string | undefined;
function wideSampleOnce(): string {
  if (wideSample !== undefined) return wideSample;
  let out = '';
  for (let c = 0x100; c < 0x10000; c += 61) if (c < 0xd800 || c > 0xdfff) out += String.fromCodePoint(c);
  for (let c = 0x10000; c < 0x32000; c += 509) out += String.fromCodePoint(c);
  wideSample = out;
  return out;
}

const ESCAPED_CODE = /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4}))/gu;

/** The characters an atom names: literals, range ends, escapes written as codes, and their case variants. */
function namedCharacters(atom: string): string[] {
  const out = new Set<string>();
  const add = (ch: string) => {
    out.add(ch);
    out.add(ch.toLowerCase());
    out.add(ch.toUpperCase());
  };
  for (const ch of atom.replace(ESCAPED_CODE, '')) add(ch);
  for (const m of atom.matchAll(ESCAPED_CODE)) {
    const code = Number.parseInt(m[1] ?? m[2] ?? m[3] ?? '0', 16);
    if (code <= 0x10ffff) {
      add(String.fromCodePoint(code));
      // Around a range's end, so that [a-f] and [g-z] are seen apart and [a-f] and [f-z] together.
      if (code > 0) add(String.fromCodePoint(code - 1));
      if (code < 0x10ffff) add(String.fromCodePoint(code + 1));
    }
  }
  return [...out].filter((c) => [...c].length === 1);
}

type Bits = Uint32Array;

function intersects(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if (((a[i] as number) & (b[i] as number)) !== 0) return true;
  return false;
}

// ─── The automaton ──────────────────────────────────────────────────────────────────────────────────────

/** A node of the ε-automaton: a character (then `to`), or ε-moves. */
interface EpsNode {
  char?: { leaf: number; to: number };
  eps: { to: number; free: boolean; anchor?: boolean; enter?: number; leave?: number }[];
}

class TooComplex extends Error {}

interface Built {
  nodes: EpsNode[];
  /** Each character: its source, offset, and the offsets of the loops around it, outermost first. */
  leaves: { atom: string; at: number; loops: number[] }[];
  start: number;
  accept: number;
  looks: Node[];
  /** Some repetition is unbounded (after counts are read per the mode). */
  loops: boolean;
}

/**
 * How counted repetitions are read. `loops`: every `{n,m}` with m ≥ 2 as `+` or `*`, which has every way
 * through the counted one and more: exponential ambiguity that only a count bounds (`(a|a){20}`,
 * `(a{1,10}){1,10}`, seconds to minutes in V8) shows as a loop. `counted`: written out, so that
 * `\d{4}\d{4}` is not taken for two loops handing text over; a wide range (`{1,100}`) stays a loop.
 */
type CountMode = 'loops' | 'counted';
/** In `counted` mode, a repetition whose count may vary by more than this is read as a loop. */
const WIDE_COUNT = 10;

function build(root: Node, mode: CountMode): Built {
  const nodes: EpsNode[] = [];
  const leaves: Built['leaves'] = [];
  const looks: Node[] = [];
  const loopStack: number[] = [];
  let loops = false;
  let loopIds = 0;
  const node = (n: EpsNode): number => {
    if (nodes.length >= MAX_STATES) throw new TooComplex();
    nodes.push(n);
    return nodes.length - 1;
  };
  const accept = node({ eps: [] });
  /** Builds `n` so that it continues at `next`; returns its entry. */
  const go = (n: Node, next: number): number => {
    switch (n.t) {
      case 'char':
        leaves.push({ atom: n.atom, at: n.at, loops: [...loopStack] });
        return node({ char: { leaf: leaves.length - 1, to: next }, eps: [] });
      case 'seq': {
        let entry = next;
        for (let k = n.items.length - 1; k >= 0; k--) entry = go(n.items[k] as Node, entry);
        return entry;
      }
      case 'alt':
        return node({ eps: n.items.map((item) => ({ to: go(item, next), free: true })) });
      case 'assert':
        return node({ eps: [{ to: next, free: false, anchor: n.start }] });
      case 'look':
        looks.push(n.body);
        return node({ eps: [{ to: next, free: false }] });
      case 'backref':
        // Any text: as many paths as the worst back-reference could give.
        return go(
          { t: 'rep', min: 0, max: Infinity, body: { t: 'char', atom: '[^]', at: n.at }, at: n.at },
          next,
        );
      case 'rep': {
        if (n.max !== Infinity && (mode === 'loops' ? n.max >= 2 : n.max - n.min > WIDE_COUNT)) {
          return go({ ...n, min: Math.min(n.min, 1), max: Infinity }, next);
        }
        // An iteration past the minimum may not be empty (the engine refuses it): ε-paths that enter a
        // body and leave it without reading a character are not counted (`enter`/`leave`).
        let tail: number;
        if (n.max === Infinity) {
          const id = loopIds++;
          const loop = node({ eps: [] });
          loops = true;
          loopStack.push(n.at);
          const body = go(n.body, node({ eps: [{ to: loop, free: true, leave: id }] }));
          loopStack.pop();
          (nodes[loop] as EpsNode).eps.push({ to: body, free: true, enter: id }, { to: next, free: true });
          tail = loop;
        } else {
          tail = next;
          for (let k = n.max - n.min; k > 0; k--) {
            const id = loopIds++;
            const body = go(n.body, node({ eps: [{ to: tail, free: true, leave: id }] }));
            tail = node({
              eps: [
                { to: body, free: true, enter: id },
                { to: next, free: true },
              ],
            });
          }
        }
        for (let k = 0; k < n.min; k++) tail = go(n.body, tail);
        return tail;
      }
    }
  };
  const start = go(root, accept);
  return { nodes, leaves, start, accept, looks, loops };
}

/** Where the ε-moves from one point lead: characters (with how many ways, 1 or 2) and the end. */
interface Closure {
  next: Map<number, number>;
  /** The end is reached with no test on the way: success. */
  freeEnd: boolean;
  /** Every way to a character or to the end passes a `^`. */
  anchored: boolean;
}

/** `atStart`: nothing read yet, so `^` can pass (after a character only with the m flag). */
function closure(built: Built, from: number, atStart: boolean, budget: { work: number }): Closure {
  const next = new Map<number, number>();
  let freeEnd = false;
  let anchored = true;
  const entered = new Set<number>();
  const visit = (id: number, free: boolean, anchor: boolean) => {
    if (++budget.work > MAX_WORK) throw new TooComplex();
    const n = built.nodes[id] as EpsNode;
    if (n.char) {
      next.set(id, Math.min(2, (next.get(id) ?? 0) + 1));
      if (!anchor) anchored = false;
      return;
    }
    if (id === built.accept) {
      if (free) freeEnd = true;
      if (!anchor) anchored = false;
      return;
    }
    for (const e of n.eps) {
      if (e.leave !== undefined && entered.has(e.leave)) continue; // an empty iteration
      if (e.anchor && !atStart) continue; // `^` after a character
      if (e.enter !== undefined) entered.add(e.enter);
      visit(e.to, free && e.free, anchor || e.anchor === true);
      if (e.enter !== undefined) entered.delete(e.enter);
    }
  };
  visit(from, true, false);
  return { next, freeEnd, anchored };
}

// ─── Analysis ───────────────────────────────────────────────────────────────────────────────────────────

/** Strongly connected components (Tarjan, iterative); returns the component of each vertex. */
function components(
  count: number,
  edges: (v: number) => Iterable<number>,
  budget: { work: number },
): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const comp = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; it: Iterator<number> }[] = [];
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push({ v, it: edges(v)[Symbol.iterator]() });
    };
    open(root);
    while (work.length > 0) {
      if (++budget.work > MAX_WORK) throw new TooComplex();
      const top = work[work.length - 1] as { v: number; it: Iterator<number> };
      const step = top.it.next();
      if (!step.done) {
        const w = step.value;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[top.v] as number);
      if (low[top.v] === index[top.v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== top.v);
        comps++;
      }
    }
  }
  return comp;
}

function analyseNode(
  root: Node,
  flags: string,
  search: boolean,
  budget: { work: number },
  mode: CountMode,
): RedosReport {
  const built = build(root, mode);
  const leafCount = built.leaves.length;
  const sawProperty = built.leaves.some((l) => /\\[pP]/u.test(l.atom));

  // Representatives, and each leaf's set of them.
  const reps = new Set<string>(baseSampleOnce());
  if (sawProperty) for (const ch of wideSampleOnce()) reps.add(ch);
  for (const leaf of built.leaves) for (const ch of namedCharacters(leaf.atom)) reps.add(ch);
  const repList = [...reps];
  const words = Math.ceil((repList.length + 1) / 32);
  const leafFlags = `u${flags.includes('i') ? 'i' : ''}${flags.includes('s') ? 's' : ''}`;
  const bitsByAtom = new Map<string, Bits>();
  const leafBits = built.leaves.map(({ atom }) => {
    const known = bitsByAtom.get(atom);
    if (known) return known;
    const bits = new Uint32Array(words);
    const test = new RegExp(`^(?:${atom === '[^]' ? '[^]' : atom})$`, leafFlags);
    repList.forEach((ch, k) => {
      if (test.test(ch)) bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
    });
    budget.work += repList.length;
    bitsByAtom.set(atom, bits);
    return bits;
  });

  // States: 0..leafCount-1 are the characters, leafCount is the search ("any text, then the expression").
  const charNode: number[] = [];
  const leafOfNode = new Map<number, number>();
  built.nodes.forEach((n, id) => {
    if (n.char) {
      leafOfNode.set(id, charNode.length);
      charNode.push(id);
    }
  });
  const first = closure(built, built.start, true, budget);
  if (first.freeEnd) return { complexity: { kind: 'linear' }, degree: 0, safe: true, offset: 0 }; // matches at once
  const searching = search && !(first.anchored && !flags.includes('m'));
  const SEARCH = leafCount;
  const stateCount = leafCount + 1;
  const allBits = new Uint32Array(words).fill(0xffffffff);
  const bitsOf = (state: number): Bits => (state === SEARCH ? allBits : (leafBits[state] as Bits));
  const succ: Map<number, number>[] = [];
  const finalState = new Uint8Array(stateCount);
  for (let s = 0; s < leafCount; s++) {
    const c = closure(
      built,
      (built.nodes[charNode[s] as number] as EpsNode).char?.to as number,
      flags.includes('m'),
      budget,
    );
    const m = new Map<number, number>();
    for (const [id, ways] of c.next) m.set(leafOfNode.get(id) as number, ways);
    succ.push(m);
    if (c.freeEnd) finalState[s] = 1;
  }
  const fromStart = new Map<number, number>();
  for (const [id, ways] of first.next) fromStart.set(leafOfNode.get(id) as number, ways);
  if (searching) fromStart.set(SEARCH, 1);
  succ.push(fromStart);
  // The engine succeeds on reaching a final state, whatever it tried below it first: what can fail, and
  // so be tried again and again, is what lies between the start and the final states.
  const live = (s: number) => finalState[s] === 0;
  for (let s = 0; s < stateCount; s++) {
    const m = succ[s] as Map<number, number>;
    if (!live(s)) m.clear();
    for (const t of [...m.keys()]) if (!live(t)) m.delete(t);
  }
  const liveEdges = (s: number) => (succ[s] as Map<number, number>).keys();
  const comp = components(stateCount, liveEdges, budget);
  const members = new Map<number, number[]>();
  for (let s = 0; s < stateCount; s++) {
    if (!live(s)) continue;
    const c = comp[s] as number;
    const list = members.get(c);
    if (list) list.push(s);
    else members.set(c, [s]);
  }
  const cyclic = [...members.entries()].filter(
    ([, ms]) => ms.length > 1 || (succ[ms[0] as number] as Map<number, number>).has(ms[0] as number),
  );
  /** Where to point: the loop around a state (the outermost for `outer`, else the innermost). */
  const offsetOf = (s: number, outer = false) => {
    if (s === SEARCH) return 0;
    const { at, loops } = built.leaves[s] as Built['leaves'][number];
    return (outer ? loops[0] : loops[loops.length - 1]) ?? at;
  };

  // Exponential: within one loop, two different ways round on the same word.
  for (const [c, ms] of cyclic) {
    for (const p of ms) {
      for (const [q, ways] of succ[p] as Map<number, number>) {
        if (ways > 1 && comp[q] === c && live(q)) {
          return {
            complexity: { kind: 'exponential' },
            degree: Infinity,
            safe: false,
            offset: offsetOf(q, true),
          };
        }
      }
    }
    const n = ms.length;
    const local = new Map(ms.map((s, k) => [s, k]));
    const pairEdges = function* (v: number): Generator<number> {
      const p1 = ms[Math.floor(v / n)] as number;
      const p2 = ms[v % n] as number;
      for (const q1 of (succ[p1] as Map<number, number>).keys()) {
        const k1 = local.get(q1);
        if (k1 === undefined || !live(q1)) continue;
        for (const q2 of (succ[p2] as Map<number, number>).keys()) {
          const k2 = local.get(q2);
          if (k2 === undefined || !live(q2)) continue;
          if (intersects(bitsOf(q1), bitsOf(q2))) yield k1 * n + k2;
        }
      }
    };
    const pairComp = components(n * n, pairEdges, budget);
    const diagonal = new Set<number>();
    for (let k = 0; k < n; k++) diagonal.add(pairComp[k * n + k] as number);
    for (let v = 0; v < n * n; v++) {
      if (Math.floor(v / n) !== v % n && diagonal.has(pairComp[v] as number)) {
        return {
          complexity: { kind: 'exponential' },
          degree: Infinity,
          safe: false,
          offset: offsetOf(ms[v % n] as number, true),
        };
      }
    }
  }

  // Polynomial: loop A hands a word to loop B when p→p, p→q and q→q read it, p in A, q in B.
  const preds: number[][] = Array.from({ length: stateCount }, () => []);
  for (let s = 0; s < stateCount; s++)
    for (const t of (succ[s] as Map<number, number>).keys()) preds[t]?.push(s);
  const reached = new Map<number, Set<number>>();
  const reach = (from: number): Set<number> => {
    const known = reached.get(from);
    if (known) return known;
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length > 0) {
      if (++budget.work > MAX_WORK) throw new TooComplex();
      const s = todo.pop() as number;
      for (const t of (succ[s] as Map<number, number>).keys()) {
        if (!seen.has(t)) {
          seen.add(t);
          todo.push(t);
        }
      }
    }
    reached.set(from, seen);
    return seen;
  };
  const handsOver = (a: number[], b: number[]): boolean => {
    const inA = new Set(a);
    const inB = new Set(b);
    // The middle walker: states between the two loops (reached from A, reaching B).
    const from = reach(a[0] as number);
    const between = new Set<number>();
    const todo = [...b];
    for (const s of b) between.add(s);
    while (todo.length > 0) {
      if (++budget.work > MAX_WORK) throw new TooComplex();
      for (const t of preds[todo.pop() as number] as number[]) {
        if (from.has(t) && !between.has(t)) {
          between.add(t);
          todo.push(t);
        }
      }
    }
    for (const p of a) {
      for (const q of b) {
        // Triples (x, y, z): x stays in A, z in B, y walks from p to q, all three reading one word.
        const key = (x: number, y: number, z: number) => `${x},${y},${z}`;
        const seen = new Set([key(p, p, q)]);
        const todo: [number, number, number][] = [[p, p, q]];
        while (todo.length > 0) {
          if (++budget.work > MAX_WORK) throw new TooComplex();
          const [x, y, z] = todo.pop() as [number, number, number];
          for (const x2 of (succ[x] as Map<number, number>).keys()) {
            if (!inA.has(x2) || !live(x2)) continue;
            for (const y2 of (succ[y] as Map<number, number>).keys()) {
              if (!between.has(y2) || !intersects(bitsOf(x2), bitsOf(y2))) continue;
              for (const z2 of (succ[z] as Map<number, number>).keys()) {
                if (!inB.has(z2) || !live(z2) || !intersects(bitsOf(x2), bitsOf(z2))) continue;
                if (!intersects(bitsOf(y2), bitsOf(z2))) continue;
                if (x2 === p && y2 === q && z2 === q) return true;
                const k = key(x2, y2, z2);
                if (!seen.has(k)) {
                  seen.add(k);
                  todo.push([x2, y2, z2]);
                }
              }
            }
          }
        }
      }
    }
    return false;
  };
  // Loops in order of the automaton (components come out of Tarjan in reverse topological order).
  const loops = cyclic.sort(([a], [b]) => b - a).map(([, ms]) => ms);
  /** The characters each loop reads: two loops that share none can hand nothing over. */
  const loopBits = loops.map((ms) => {
    const bits = new Uint32Array(words);
    for (const s of ms) {
      const b = bitsOf(s);
      for (let k = 0; k < words; k++) bits[k] = (bits[k] as number) | (b[k] as number);
    }
    return bits;
  });
  const longest = loops.map(() => 1);
  let degree = loops.length > 0 ? 1 : 0;
  let worst = -1;
  for (let j = 0; j < loops.length; j++) {
    for (let i = 0; i < j; i++) {
      if ((longest[i] as number) + 1 <= (longest[j] as number)) continue;
      if (!intersects(loopBits[i] as Bits, loopBits[j] as Bits)) continue;
      const reachesJ = reach((loops[i] as number[])[0] as number).has((loops[j] as number[])[0] as number);
      if (reachesJ && handsOver(loops[i] as number[], loops[j] as number[])) {
        longest[j] = (longest[i] as number) + 1;
      }
    }
    if ((longest[j] as number) > degree) {
      degree = longest[j] as number;
      worst = j;
    }
  }
  const worstOffset = worst >= 0 ? offsetOf((loops[worst] as number[])[0] as number) : 0;

  // Bounded: ambiguous choices in a row, outside loops (`(a|a){30}`): on the pairs of states reading one
  // word, the most returns to the diagonal after leaving it (or two ways along one edge).
  let choices = 0;
  if (loops.length === 0 || degree <= MAX_SAFE_DEGREE)
    choices = boundedChoices(stateCount, succ, live, bitsOf, budget);

  // A look-around runs wherever the expression gets to it, as often as the loops before bring it there:
  // its own loops add to the degree (`[a-z]+(?=[a-z]*!)` is cubic with the search).
  let lookDegree = 0;
  for (const look of built.looks) {
    const inner = analyseNode(look, flags, false, budget, mode);
    if (!inner.safe) return inner;
    // A greedy loop runs to the end of what it can take even where the body then succeeds: linear.
    lookDegree = Math.max(lookDegree, inner.degree, build(look, mode).loops ? 1 : 0);
  }
  degree += lookDegree;
  if (degree > MAX_SAFE_DEGREE) {
    return { complexity: { kind: 'polynomial', degree }, degree, safe: false, offset: worstOffset };
  }
  if (choices > MAX_SAFE_CHOICES) {
    return { complexity: { kind: 'bounded', choices }, degree, safe: false, offset: 0 };
  }
  if (degree >= 2)
    return { complexity: { kind: 'polynomial', degree }, degree, safe: true, offset: worstOffset };
  if (choices > 0) return { complexity: { kind: 'bounded', choices }, degree, safe: true, offset: 0 };
  return { complexity: { kind: 'linear' }, degree, safe: true, offset: 0 };
}

/**
 * The longest run of ambiguous choices one word can meet: a walk over pairs of states (both reading the
 * word) from the start, counting each return of the pair to one state after they parted, and each edge
 * taken two ways. Without loops between pairs this is a longest path in a DAG.
 */
function boundedChoices(
  stateCount: number,
  succ: Map<number, number>[],
  live: (s: number) => boolean,
  bitsOf: (s: number) => Bits,
  budget: { work: number },
): number {
  const START = stateCount - 1; // the search state (or, anchored, the start's successors hang off it)
  const memo = new Map<number, number>();
  const onPath = new Set<number>();
  const best = (p1: number, p2: number): number => {
    const v = p1 * stateCount + p2;
    const known = memo.get(v);
    if (known !== undefined) return known;
    if (onPath.has(v)) return 0; // a loop of pairs off the diagonal: already judged as polynomial
    onPath.add(v);
    let out = 0;
    for (const [q1, ways1] of succ[p1] as Map<number, number>) {
      if (!live(q1) || q1 === START) continue;
      for (const q2 of (succ[p2] as Map<number, number>).keys()) {
        if (!live(q2) || q2 === START) continue;
        if (++budget.work > MAX_WORK) throw new TooComplex();
        if (p1 === p2 && q1 === q2) {
          out = Math.max(out, (ways1 > 1 ? 1 : 0) + best(q1, q2));
        } else if (intersects(bitsOf(q1), bitsOf(q2))) {
          // Parting (p1 = p2, q1 ≠ q2) or walking apart; meeting again counts one choice.
          out = Math.max(out, (q1 === q2 ? 1 : 0) + best(q1, q2));
        }
      }
    }
    onPath.delete(v);
    memo.set(v, out);
    return out;
  };
  return best(START, START);
}

const cache = new Map<string, RedosReport>();
const CACHE_MAX = 1_000;

/**
 * Analyses a regular expression the RegExp constructor accepts (with the u flag). `search`: the
 * expression is tried from every start position (RegExp.test), which counts as one more loop in front.
 */
export function analyseRegex(source: string, flags: string, search = true): RedosReport {
  const key = `${flags}/${search ? 's' : 'a'}/${source}`;
  const known = cache.get(key);
  if (known) return known;
  let report: RedosReport;
  try {
    const parser = new Parser(source);
    const root = parser.alternation();
    const budget = { work: 0 };
    // Exponential ambiguity with counts read as loops, then the degree with counts written out.
    const loose = analyseNode(root, flags, search, budget, 'loops');
    report =
      loose.complexity.kind === 'exponential' ? loose : analyseNode(root, flags, search, budget, 'counted');
  } catch (error) {
    if (!(error instanceof TooComplex)) throw error;
    report = { complexity: { kind: 'too-complex' }, degree: Infinity, safe: false, offset: 0 };
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, report);
  return report;
}

/**
 * No repetition (`*`, `+`, `{…}`), no back-reference, and too few `|` and `?` for many ambiguous choices:
 * linear whatever it holds, with no analysis needed (`^ntr\b`, `^(netorare|ntr|cheating)$`).
 */
export function obviouslyLinear(source: string): boolean {
  const bare = source.replace(/\[(?:\\.|[^\]\\])*\]/gu, 'x').replace(/\\(?![1-9k])./gu, 'x');
  if (/[*+{]|\\[1-9k]/u.test(bare)) return false;
  return (bare.match(/[|?]/gu)?.length ?? 0) <= MAX_SAFE_CHOICES;
}
