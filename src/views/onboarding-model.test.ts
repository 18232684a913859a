import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../rules/presets';
import { SITES } from '../sites/registry';
import { presetRules, RULES_SHOWN, ruleWords, siteLinks } from './onboarding-model';

describe('ruleWords', () => {
  it('says what a pattern catches instead of showing its syntax', () => {
    expect(ruleWords('netorare')).toEqual({ kind: 'tag', name: 'netorare' });
    expect(ruleWords('*cheating*')).toEqual({ kind: 'contains', text: 'cheating' });
    expect(ruleWords('*infidelity')).toEqual({ kind: 'endsWith', text: 'infidelity' });
    expect(ruleWords('近親*')).toEqual({ kind: 'startsWith', text: '近親' });
    expect(ruleWords('/\\bscat\\b/')).toEqual({ kind: 'word', text: 'scat' });
    expect(ruleWords('netorare -vanilla')).toEqual({ kind: 'other', source: 'netorare -vanilla' });
  });

  it('says the presets’ other shapes in words too', () => {
    expect(ruleWords('/\\bnon ?con\\b/')).toEqual({ kind: 'wordOr', text: 'non con', or: 'noncon' });
    expect(ruleWords('/^ntr(?![a-z])/')).toEqual({ kind: 'startsWord', text: 'ntr' });
    expect(ruleWords('cheating on * test*')).toEqual({ kind: 'like', text: 'cheating on … test…' });
  });

  it('no preset shows a regular expression or a wildcard to a new user, in its rules or its exceptions', () => {
    for (const preset of PRESETS)
      for (const words of [...preset.patterns, ...preset.exceptions].map(ruleWords))
        expect(words.kind, preset.id).not.toBe('other');
  });
});

describe('presetRules', () => {
  it('shows every rule of a preset: the first ones, and the rest behind "+N more"', () => {
    for (const preset of PRESETS) {
      const { shown, more } = presetRules(preset);
      expect(shown.length + more.length).toBe(preset.patterns.length);
      expect(shown.length).toBeLessThanOrEqual(RULES_SHOWN + 1);
    }
    const ntr = presetById('ntr');
    expect(ntr && presetRules(ntr).more.length).toBeGreaterThan(0);
  });

  it('shows a preset’s exceptions in words and the sites its spellings come from', () => {
    const ntr = presetById('ntr');
    if (!ntr) throw new Error('no NTR preset');
    const whole = presetRules(ntr);
    expect(whole.exceptions).toContainEqual({ kind: 'startsWith', text: 'no cheating' });
    expect(whole.exceptions).toHaveLength(ntr.exceptions.length);
    expect(whole.sites).toEqual(expect.arrayContaining(['AO3', 'pixiv', 'DLsite']));
    for (const preset of PRESETS) expect(presetRules(preset).sites.length, preset.id).toBeGreaterThan(0);
  });
});

describe('siteLinks', () => {
  it('names every built-in site with its address', () => {
    const links = siteLinks(SITES);
    expect(links.map((l) => l.name)).toEqual(SITES.map((s) => s.name));
    expect(links[0]).toEqual({
      name: 'Archive of Our Own',
      url: 'https://archiveofourown.org/',
      hosts: ['archiveofourown.org'],
    });
  });
});
