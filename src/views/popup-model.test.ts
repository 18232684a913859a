import { describe, expect, it } from 'vitest';
import type { PageState } from '../messages';
import { defaultSettings } from '../settings/schema';
import { ao3 } from '../sites/ao3';
import { ehentai } from '../sites/ehentai';
import { hitomi } from '../sites/hitomi';
import { mangadex } from '../sites/mangadex';
import { nhentai } from '../sites/nhentai';
import {
  addRule,
  blockRule,
  closestTags,
  completeTagsLabel,
  distance,
  filterTags,
  hiddenOneByOne,
  listRows,
  preferredList,
  reasonGroups,
  removeRules,
  seenTagRule,
  seenTags,
  siteSwitches,
} from './popup-model';

const NOW = 1_700_000_000_000;

describe('blockRule', () => {
  it('takes the typed text as one tag, quoted only where rule syntax would read it otherwise', () => {
    expect(blockRule('netorare', 'tag')).toEqual({ ok: true, rule: 'netorare' });
    expect(blockRule('  female:netorare ', 'tag')).toEqual({ ok: true, rule: 'female:netorare' });
    expect(blockRule('Fic #2', 'tag')).toEqual({ ok: true, rule: '"Fic #2"' });
    expect(blockRule('swimsuit 1girl', 'tag')).toEqual({ ok: true, rule: 'swimsuit 1girl' });
    expect(blockRule('-vanilla', 'tag')).toEqual({ ok: true, rule: '"-vanilla"' });
    expect(blockRule('*cheating*', 'tag')).toEqual({ ok: true, rule: '"*cheating*"' });
  });

  it('reads rule syntax only in rule mode, with the column of an error', () => {
    expect(blockRule('*cheating* -vanilla', 'rule')).toEqual({ ok: true, rule: '*cheating* -vanilla' });
    expect(blockRule('/(a+)+$/', 'rule')).toMatchObject({
      ok: false,
      empty: false,
      column: expect.any(Number),
    });
    expect(blockRule('   ', 'rule')).toEqual({ ok: false, empty: true });
    expect(blockRule('# only a note', 'rule')).toEqual({ ok: false, empty: true });
  });
});

describe('lists', () => {
  it('shows a snoozed list as paused, and a list scoped elsewhere as not here', () => {
    const settings = defaultSettings();
    settings.lists.push(
      { id: 's', name: 'S', enabled: true, action: 'hide', patterns: ['a'], snoozedUntil: NOW + 1000 },
      {
        id: 'x',
        name: 'X',
        enabled: true,
        action: 'hide',
        patterns: [],
        snoozedUntil: NOW - 1000,
        sites: ['e621'],
      },
    );
    const rows = listRows(settings, 'ao3', NOW);
    expect(rows.map((r) => [r.id, r.state, r.here])).toEqual([
      ['mine', 'on', true],
      ['ntr', 'off', true],
      ['s', 'paused', true],
      ['x', 'on', false],
    ]);
    expect(rows[2]?.pausedUntil).toBe(NOW + 1000);
  });

  it('prefers the chosen list, else the first one on, never a subscription', () => {
    const settings = defaultSettings();
    settings.lists.unshift({
      id: 'sub',
      name: 'Sub',
      enabled: true,
      action: 'hide',
      patterns: [],
      source: { url: 'https://lists.example/a.txt' },
    });
    expect(preferredList(settings, null)).toBe('mine');
    expect(preferredList(settings, 'ntr')).toBe('ntr');
    expect(preferredList(settings, 'sub')).toBe('mine');
  });

  it('adds a rule once and says when it was there already; removes rules', () => {
    const settings = defaultSettings();
    expect(addRule(settings, 'mine', 'gore')).toBe('added');
    expect(addRule(settings, 'mine', 'gore')).toBe('had');
    expect(addRule(settings, 'nope', 'gore')).toBe('missing');
    removeRules(settings, 'mine', ['gore']);
    expect(settings.lists[0]?.patterns).toEqual([]);
  });
});

describe('reasonGroups', () => {
  it('one row per tag and list, however many rules of that list caught it', () => {
    const settings = defaultSettings();
    settings.lists[1] = {
      ...(settings.lists[1] as (typeof settings.lists)[number]),
      patterns: ['cheating', '*cheat*', 'infidelity'],
    };
    const rules: PageState['rules'] = [
      { listName: 'NTR & cheating', rule: 'cheating', action: 'blur', tags: ['Cheating'], entries: 3 },
      {
        listName: 'NTR & cheating',
        rule: '*cheat*',
        action: 'blur',
        tags: ['cheating', 'Cheat Day'],
        entries: 4,
      },
      { listName: 'NTR & cheating', rule: 'infidelity', action: 'blur', tags: ['Infidelity'], entries: 1 },
      { listName: 'Other', rule: 'cheating', action: 'hide', tags: ['Cheating'], entries: 3 },
    ];
    const groups = reasonGroups(rules, settings);
    expect(groups.map((g) => [g.label, g.listName, g.rules, g.entries, g.listId])).toEqual([
      ['Cheat Day', 'NTR & cheating', ['*cheat*'], 4, 'ntr'],
      ['Cheating', 'NTR & cheating', ['cheating', '*cheat*'], 4, 'ntr'],
      ['Cheating', 'Other', ['cheating'], 3, undefined],
      ['Infidelity', 'NTR & cheating', ['infidelity'], 1, 'ntr'],
    ]);
  });
});

describe('site switches', () => {
  it('tag completion only where the site has a look-up (E-Hentai); next pages where it paginates', () => {
    expect(siteSwitches(ehentai)).toEqual({ completeTags: true, refill: true });
    expect(siteSwitches(ao3)).toEqual({ completeTags: false, refill: true });
    expect(siteSwitches(undefined)).toEqual({ completeTags: false, refill: false });
  });

  it('tag completion on hitomi.la and MangaDex too, in words that say what each asks for', () => {
    expect(siteSwitches(hitomi).completeTags).toBe(true);
    expect(siteSwitches(mangadex).completeTags).toBe(true);
    expect(completeTagsLabel(hitomi)).toBe('popup_completeTagsHitomi');
    expect(completeTagsLabel(mangadex)).toBe('popup_completeTagsMangadex');
    expect(completeTagsLabel(ehentai)).toBe('popup_completeTagsEhentai');
  });

  it('on nhentai, whose name look-up its own content script adds: the switch that lets it ask', () => {
    expect(siteSwitches(nhentai).completeTags).toBe(true);
    expect(completeTagsLabel(nhentai)).toBe('popup_completeTagsNhentai');
  });
});

describe('tags seen on the page', () => {
  it('names nhentai ids from the dictionary, and never shows an unknown id bare', () => {
    const tags = seenTags(
      [
        { tag: 'id:8653', entries: 4 },
        { tag: 'id:999999', entries: 2 },
        { tag: 'female:glasses', entries: 1 },
      ],
      nhentai.dictionary,
    );
    expect(tags).toEqual([
      { tag: 'id:8653', name: 'netorare', entries: 4 },
      { tag: 'id:999999', name: 'id:999999', unnamedId: '999999', entries: 2 },
      { tag: 'female:glasses', name: 'female:glasses', entries: 1 },
    ]);
    // Blocking a named id blocks the name (every site); an unnamed one, its id.
    expect(tags.map(seenTagRule)).toEqual(['netorare', 'id:999999', 'female:glasses']);
  });

  it('filters by name or spelling, folded (case, width)', () => {
    const tags = seenTags([
      { tag: 'freeform:Fluff', entries: 3 },
      { tag: 'freeform:Angst', entries: 2 },
    ]);
    expect(filterTags(tags, 'ＦＬＵ').map((t) => t.tag)).toEqual(['freeform:Fluff']);
    expect(filterTags(tags, '')).toHaveLength(2);
  });
});

describe('closestTags', () => {
  it('offers the page’s and the presets’ nearest spellings for a typo', () => {
    const onPage = seenTags([
      { tag: 'freeform:Netorare', entries: 3 },
      { tag: 'freeform:Fluff', entries: 9 },
    ]);
    const closest = closestTags('netorere', onPage);
    expect(closest.onPage).toEqual(['freeform:Netorare']);
    expect(closest.inPresets).toContain('netorare');
    expect(closestTags('zzzzzzzz', onPage)).toEqual({ onPage: [], inPresets: [] });
  });

  it('bounded edit distance', () => {
    expect(distance('kitten', 'sitting', 3)).toBe(3);
    expect(distance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('hidden one by one', () => {
  it('lists an AO3 work once, however its rules write its id', () => {
    const row = (rule: string) => ({
      listId: 'h',
      listName: 'Hidden entries',
      rule,
      action: 'hide' as const,
      tags: [],
      entries: 1,
    });
    const rows = hiddenOneByOne(
      [row('entry:ao3/work_123'), row('entry:ao3/123'), row('entry:ao3/7'), row('entry:ehentai/1/abc')],
      'ao3',
      (_site, _kind, id) => `work ${id}`,
    );
    expect(rows.map((r) => r.label)).toEqual(['work work_123', 'work 7']);
  });
});
