import { describe, expect, it } from 'vitest';
import { compile, REGEX_CALL_BUDGET_MS, REGEX_PAGE_BUDGET_MS } from './compile';
import { PRESETS } from './presets';
import { compileRegex } from './regex';
import type { EntryFacts, RuleList, Tag } from './types';

function entry(tags: (string | Tag)[], extra: Partial<EntryFacts> = {}): EntryFacts {
  return {
    id: 'e1',
    title: 'A title',
    creators: [],
    tags: tags.map((t) => (typeof t === 'string' ? { name: t } : t)),
    ...extra,
  };
}

function list(
  id: string,
  action: RuleList['action'],
  patterns: string[],
  more: Partial<RuleList> = {},
): RuleList {
  return { id, name: id.toUpperCase(), enabled: true, action, patterns, ...more };
}

const verdictOf = (patterns: string[], tags: (string | Tag)[], extra: Partial<EntryFacts> = {}) =>
  compile([list('l', 'hide', patterns)]).judge(entry(tags, extra)).action;

describe('tags', () => {
  it('match in any namespace, case and width', () => {
    for (const tag of ['Netorare', 'ｎｅｔｏｒａｒｅ', 'netorare ♀', 'NETORARE.']) {
      expect(verdictOf(['netorare'], [tag])).toBe('hide');
    }
    expect(verdictOf(['netorare'], [{ namespace: 'female', name: 'netorare' }])).toBe('hide');
    expect(verdictOf(['netorare'], ['vanilla'])).toBeNull();
  });

  it('match katakana rules against hiragana tags and the reverse', () => {
    expect(verdictOf(['ネトラレ'], ['ねとられ'])).toBe('hide');
    expect(verdictOf(['ねとられ'], ['ﾈﾄﾗﾚ'])).toBe('hide');
  });

  it('match a namespaced rule only in that namespace, with abbreviations', () => {
    const female = { namespace: 'female', name: 'netorare' };
    expect(verdictOf(['f:netorare'], [female])).toBe('hide');
    expect(verdictOf(['f:netorare'], [{ namespace: 'male', name: 'netorare' }])).toBeNull();
    expect(verdictOf(['f:netorare'], ['netorare'])).toBeNull();
    expect(verdictOf(['f:netorare'], ['netorare ♀'])).toBe('hide');
  });

  it('never match part of a tag', () => {
    expect(verdictOf(['games'], ['retrogames'])).toBeNull();
    expect(verdictOf(['games'], ['Video Games'])).toBeNull();
    expect(verdictOf(['scat'], ['Implied Scat'])).toBeNull();
  });

  it('also match the name a site dictionary gives a tag', () => {
    expect(verdictOf(['non consent'], [{ name: '合意なし', canonical: 'non-consent' }])).toBe('hide');
  });
});

describe('globs and regular expressions', () => {
  it('globs are anchored at both ends', () => {
    expect(verdictOf(['*cheating*'], ['Emotional Cheating'])).toBe('hide');
    expect(verdictOf(['implied *'], ['Implied Scat'])).toBe('hide');
    expect(verdictOf(['implied *'], ['Not Implied Scat'])).toBeNull();
    expect(verdictOf(['*games'], ['retrogames'])).toBe('hide');
    expect(verdictOf(['f:*ntr*'], [{ namespace: 'male', name: 'ntr' }])).toBeNull();
  });

  it('regular expressions know word boundaries outside ASCII', () => {
    expect(verdictOf(['/^ntr\\b/'], ['NTR Mansion'])).toBe('hide');
    expect(verdictOf(['/^ntr\\b/'], ['ntra'])).toBeNull();
    expect(verdictOf(['/\\bcafe\\b/'], ['Café AU'])).toBe('hide');
    expect(verdictOf(['/\\bé/'], ['xé'])).toBeNull();
    expect(verdictOf(['/^female:.*ntr/'], [{ namespace: 'f', name: 'ntr' }])).toBe('hide');
  });
});

describe('combined terms', () => {
  it('AND with NOT', () => {
    expect(verdictOf(['netorare -vanilla'], ['netorare'])).toBe('hide');
    expect(verdictOf(['netorare -vanilla'], ['netorare', 'Vanilla'])).toBeNull();
    expect(verdictOf(['netorare +cheating'], ['netorare'])).toBeNull();
    expect(verdictOf(['netorare +cheating'], ['netorare', 'cheating'])).toBe('hide');
  });

  it('OR groups', () => {
    expect(verdictOf(['~guro ~gore'], ['Gore'])).toBe('hide');
    expect(verdictOf(['~guro ~gore'], ['blood'])).toBeNull();
    expect(verdictOf(['violence ~guro ~gore'], ['gore'])).toBeNull();
    expect(verdictOf(['violence ~guro ~gore'], ['gore', 'violence'])).toBe('hide');
  });

  it('title and creator', () => {
    expect(verdictOf(['title:"step sister"'], [], { title: 'My Step-Sister and Me' })).toBe('hide');
    expect(verdictOf(['title:sister'], [], { title: 'Sisterhood' })).toBeNull();
    expect(verdictOf(['title:寝取'], [], { title: '彼女が寝取られた' })).toBe('hide');
    expect(verdictOf(['creator:someone'], [], { creators: ['SomeOne'] })).toBe('hide');
    expect(verdictOf(['creator:someone'], [], { creators: ['someone else'] })).toBeNull();
  });
});

describe('lists and verdicts', () => {
  it('say which facts beyond tags they read, exceptions included', () => {
    expect(compile([list('a', 'hide', ['netorare', 'female:*', '/ntr/'])]).needs).toEqual({
      title: false,
      creators: false,
    });
    expect(compile([list('a', 'hide', ['netorare title:"sister"'])]).needs).toEqual({
      title: true,
      creators: false,
    });
    expect(compile([list('a', 'hide', ['creator:someone'])]).needs).toEqual({
      title: false,
      creators: true,
    });
    expect(
      compile({ lists: [list('a', 'hide', ['netorare'])], exceptions: ['title:"ntr parody"'] }).needs,
    ).toEqual({ title: true, creators: false });
    // A disabled list reads nothing.
    expect(compile([{ ...list('a', 'hide', ['title:x']), enabled: false }]).needs.title).toBe(false);
  });

  it('name what they compiled: the same lists in force give the same key, any change another', () => {
    const base = [list('a', 'hide', ['netorare']), { ...list('b', 'blur', ['gore']), enabled: false }];
    const key = compile(base).key;
    expect(compile(structuredClone(base)).key).toBe(key);
    expect(compile([base[0] as RuleList, { ...(base[1] as RuleList), patterns: ['x'] }]).key).toBe(key);
    expect(compile([list('a', 'blur', ['netorare'])]).key).not.toBe(key);
    expect(compile([list('a', 'hide', ['netorare', 'ntr'])]).key).not.toBe(key);
    expect(compile({ lists: base, exceptions: ['vanilla'] }).key).not.toBe(key);
    expect(compile({ lists: base, aliases: [['ntr', 'netorare']] }).key).not.toBe(key);
    // A snoozed list is not in force until its snooze ends.
    const snoozed = [list('a', 'hide', ['netorare']), list('c', 'hide', ['c'], { snoozedUntil: 2_000 })];
    expect(compile(snoozed, { now: 1_000 }).key).toBe(key);
    expect(compile(snoozed, { now: 3_000 }).key).not.toBe(key);
  });

  it('give the strongest action and every reason, with what matched', () => {
    const m = compile([
      list('a', 'label', ['cheating']),
      list('b', 'hide', ['netorare # not for me']),
      list('c', 'blur', ['ntr']),
      list('d', 'collapse', ['title:ntr']),
    ]);
    const verdict = m.judge(
      entry(['Cheating', 'NTR', { namespace: 'female', name: 'netorare' }], { title: 'NTR story' }),
    );
    expect(verdict.action).toBe('hide');
    expect(verdict.reasons).toEqual([
      { listId: 'a', listName: 'A', action: 'label', rule: 'cheating', tag: { name: 'Cheating' } },
      {
        listId: 'b',
        listName: 'B',
        action: 'hide',
        rule: 'netorare',
        note: 'not for me',
        tag: { namespace: 'female', name: 'netorare' },
      },
      { listId: 'c', listName: 'C', action: 'blur', rule: 'ntr', tag: { name: 'NTR' } },
      { listId: 'd', listName: 'D', action: 'collapse', rule: 'title:ntr', text: 'NTR story' },
    ]);
  });

  it('ranks hide > collapse > blur > label', () => {
    const m = compile([list('a', 'blur', ['x']), list('b', 'collapse', ['x']), list('c', 'label', ['x'])]);
    expect(m.judge(entry(['x'])).action).toBe('collapse');
  });

  it('leave out disabled lists, lists of other sites and snoozed lists, and say when a snooze ends', () => {
    const lists = [
      list('off', 'hide', ['a'], { enabled: false }),
      list('e621', 'hide', ['b'], { sites: ['e621'] }),
      list('zzz', 'hide', ['c'], { snoozedUntil: 2_000 }),
      list('ao3', 'blur', ['d'], { sites: ['ao3'] }),
    ];
    const m = compile({ lists }, { site: 'ao3', now: 1_000 });
    expect(['a', 'b', 'c', 'd'].map((t) => m.judge(entry([t])).action)).toEqual([null, null, null, 'blur']);
    expect(m.nextChange).toBe(2_000);
    expect(compile({ lists }, { site: 'ao3', now: 3_000 }).judge(entry(['c'])).action).toBe('hide');
  });

  it('exceptions win over every list', () => {
    const m = compile({
      lists: [list('a', 'hide', ['netorare'])],
      exceptions: ['creator:trusted', 'wholesome'],
    });
    expect(m.judge(entry(['netorare'])).action).toBe('hide');
    expect(m.judge(entry(['netorare'], { creators: ['Trusted'] })).action).toBeNull();
    expect(m.judge(entry(['netorare', 'Wholesome'])).action).toBeNull();
  });

  it('alias groups make spellings one tag for every list', () => {
    const m = compile({
      lists: [list('a', 'hide', ['netorare']), list('b', 'blur', ['f:寝取られ'])],
      aliases: [['netorare', 'ntr', '寝取られ']],
    });
    expect(m.judge(entry(['NTR'])).action).toBe('hide');
    expect(m.judge(entry([{ namespace: 'female', name: 'ntr' }])).reasons.map((r) => r.listId)).toEqual([
      'a',
      'b',
    ]);
  });

  it('report a bad line with its column and still apply the good ones', () => {
    const m = compile([list('mix', 'hide', ['netorare', '# a comment', '', '  /(a+)+$/', 'gore'])]);
    expect(m.ruleCount).toBe(2);
    expect(m.errors).toEqual([
      expect.objectContaining({ listId: 'mix', line: 3, column: 8, text: '  /(a+)+$/' }),
    ]);
    expect(m.judge(entry(['Gore'])).action).toBe('hide');
  });
});

describe('presets', () => {
  const presetList = (id: string) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) throw new Error(id);
    return compile([list(id, 'hide', [...preset.patterns])]);
  };

  it('every preset rule parses', () => {
    for (const preset of PRESETS) expect(presetList(preset.id).errors).toEqual([]);
  });

  it.each([
    [
      'ntr',
      [
        'Netorare',
        'female:netorare',
        'ネトラレ',
        '寝取られ',
        'ＮＴＲ',
        'Emotional Cheating',
        'Cuckolding',
        'netorare ♀',
      ],
    ],
    ['gore', ['Guro', 'グロ', 'warning:Graphic Depictions Of Violence', 'Body Horror']],
    ['scat', ['Scat', 'Implied Scat', 'scat play', 'スカトロ']],
    ['noncon', ['Rape/Non-Con', 'Implied Rape', 'Non-Consensual', 'Dubious Consent', '合意なし']],
    ['incest', ['Incest', 'Sibling Incest', 'Parent/Child Incest', '近親相姦']],
    ['spoilers', ['Major Character Death', 'Spoilers for Season 3', 'ネタバレ']],
  ])('%s catches its spellings', (id, tags) => {
    const m = presetList(id);
    for (const tag of tags) {
      const [ns, name] = tag.includes(':') ? tag.split(':') : [undefined, tag];
      expect(m.judge(entry([ns ? { namespace: ns, name: name as string } : tag])).action, tag).toBe('hide');
    }
  });

  it.each([
    ['ntr', ['Vanilla', 'Cheat Codes', 'Fluff']],
    ['scat', ['Scatter', 'Scattered Thoughts']],
    ['noncon', ['Grape Juice', 'Consensual', 'Drapery']],
    ['spoilers', ['Minor Character Death? no', 'Fluff']],
  ])('%s leaves unrelated tags alone', (id, tags) => {
    const m = presetList(id);
    for (const tag of tags) expect(m.judge(entry([tag])).action, tag).toBeNull();
  });
});

describe('invisible characters', () => {
  it('a zero-width joiner, space, soft hyphen or bidi control inside a blocked word does not let it through', () => {
    for (const invisible of ['\u200D', '\u200B', '\u00AD', '\u202E', '\u2066', '\uFE0F', '\u{E0020}']) {
      expect(verdictOf(['incest'], [`In${invisible}cest`])).toBe('hide');
      expect(
        verdictOf(['female:incest'], [{ namespace: `fe${invisible}male`, name: `in${invisible}cest` }]),
      ).toBe('hide');
      expect(verdictOf(['*cest'], [`In${invisible}cest`])).toBe('hide');
      expect(verdictOf(['/^incest$/'], [`In${invisible}cest`])).toBe('hide');
      expect(
        verdictOf(['title:"step sister"'], [], { title: `My Step${invisible} Sis${invisible}ter` }),
      ).toBe('hide');
      expect(verdictOf(['creator:someone'], [], { creators: [`some${invisible}one`] })).toBe('hide');
    }
  });

  it('in a rule, as in a tag', () => {
    expect(verdictOf(['inc\u00ADest'], ['Incest'])).toBe('hide');
    expect(verdictOf(['/^in\u200Bcest$/'], ['Incest'])).toBe('hide');
  });
});

describe('the guard on regular expressions', () => {
  /** A clock that moves `step` ms at every read: each call of an expression "takes" that long. */
  const ticking = (step: number) => {
    let t = 0;
    return () => {
      t += step;
      return t;
    };
  };
  const lists = [list('slow', 'hide', ['/^ntr/']), list('plain', 'blur', ['gore'])];

  it('switches off an expression whose one call took longer than REGEX_CALL_BUDGET_MS, and lists it', () => {
    const m = compile(lists, { clock: ticking(REGEX_CALL_BUDGET_MS + 1) });
    expect(m.tripped()).toEqual([]);
    // The call that took too long still counts: its entry is judged by what it found.
    expect(m.judge(entry(['ntr one'])).action).toBe('hide');
    expect(m.tripped()).toEqual([{ listId: 'slow', listName: 'SLOW', rule: '/^ntr/' }]);
    expect(m.judge(entry(['ntr two'])).action).toBeNull();
    // Other rules keep working, and what was judged before keeps its verdict.
    expect(m.judge(entry(['gore', 'ntr three'])).action).toBe('blur');
    expect(m.judge(entry(['ntr one'])).action).toBe('hide');
  });

  it('runs an expression once for a tag whose written form differs from its folded form only in case', () => {
    let reads = 0;
    const m = compile([list('slow', 'hide', ['/^ntr$/'])], {
      clock: () => {
        reads++;
        return 0;
      },
    });
    expect(m.judge(entry(['Ntr Story'])).action).toBeNull();
    expect(reads).toBe(2); // two clock reads a call: one call
  });

  it('never runs an expression on a tag that lacks the text every match of it contains', () => {
    let reads = 0;
    const m = compile([list('slow', 'hide', ['/\\bguro\\b/', '/^ntr(?![a-z])/'])], {
      clock: () => {
        reads++;
        return 0;
      },
    });
    expect(m.judge(entry(['Netorare', 'Filler Tag 3', '寝取られ'])).action).toBeNull();
    expect(reads).toBe(0);
    expect(m.judge(entry(['Guro'])).action).toBe('hide');
  });

  it('reports an expression of a list’s own exceptions that it switched off, and a line there that does not read', () => {
    const ntr = { ...list('ntr', 'hide', ['*cheating']), exceptions: ['/^no /', '"unclosed'] };
    const m = compile([ntr], { clock: ticking(REGEX_CALL_BUDGET_MS + 1) });
    expect(m.errors).toEqual([
      expect.objectContaining({ listId: 'ntr', listName: 'NTR (exceptions)', line: 1 }),
    ]);
    m.judge(entry(['no cheating']));
    expect(m.tripped()).toEqual([{ listId: 'ntr', listName: 'NTR (exceptions)', rule: '/^no /' }]);
  });

  it('switches it off once its calls together pass REGEX_PAGE_BUDGET_MS', () => {
    const m = compile(lists, { clock: ticking(1) }); // each call: 1 ms
    const verdicts = Array.from(
      { length: REGEX_PAGE_BUDGET_MS + 20 },
      (_, i) => m.judge(entry([`ntr ${i}`])).action,
    );
    expect(verdicts.slice(0, REGEX_PAGE_BUDGET_MS + 1).every((v) => v === 'hide')).toBe(true);
    expect(verdicts.slice(REGEX_PAGE_BUDGET_MS + 1).every((v) => v === null)).toBe(true);
    expect(m.tripped().map((r) => r.rule)).toEqual(['/^ntr/']);
  });

  it('under budget, judges exactly as without the guard', () => {
    const m = compile(lists, { clock: ticking(0.01) });
    for (const tags of [['ntr'], ['Ntr x'], ['gore'], ['x ntr'], ['gore', 'ntr']]) {
      expect(m.judge(entry(tags)).action).toBe(
        verdictOf(['/^ntr/'], tags) ?? (tags.includes('gore') ? 'blur' : null),
      );
    }
    expect(m.tripped()).toEqual([]);
  });

  it('switches off a slow expression on crafted tags, with the real clock; the page goes on', () => {
    // Accepted by the ReDoS check (quadratic with the search) but some milliseconds on each
    // 300-character run of letters that the look-ahead then refuses.
    const slow = '/[a-z]+(?=[a-z]{0,10}!)/';
    expect(compileRegex(slow.slice(1, -1), '').ok).toBe(true);
    const m = compile([list('slow', 'hide', ['/ab!/', slow]), list('plain', 'blur', ['gore'])]);
    expect(m.judge(entry(['xyz! x'])).action).toBe('hide'); // matched before the guard trips
    const crafted = (i: number) => `${'a'.repeat(296)}${String(i).padStart(4, '0')}`;
    // Far more crafted tags than the budget lets through: a page built to stall the matcher.
    for (let i = 0; i < 5_000 && m.tripped().length === 0; i++) m.judge(entry([crafted(i)]));
    expect(m.tripped()).toEqual([{ listId: 'slow', listName: 'SLOW', rule: slow }]);
    expect(m.judge(entry(['uvw! x'])).action).toBeNull();
    expect(m.judge(entry(['ab! x'])).action).toBe('hide'); // the other expression still works
    expect(m.judge(entry(['gore'])).action).toBe('blur');
  });
});
