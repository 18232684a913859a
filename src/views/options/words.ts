import { h } from 'preact';
import type { Preset } from '@/src/rules/presets';
import { presetName, t } from '@/src/ui/i18n';
import { presetRules, type RuleWords, ruleWords } from '../onboarding-model';

/** A rule in the words a new user reads (the onboarding, the options' presets and upgrade offers). */
export function words(rule: RuleWords): string {
  switch (rule.kind) {
    case 'tag':
      return rule.name;
    case 'contains':
      return t('onboarding_contains', rule.text);
    case 'startsWith':
      return t('onboarding_startsWith', rule.text);
    case 'endsWith':
      return t('onboarding_endsWith', rule.text);
    case 'word':
      return t('onboarding_word', rule.text);
    case 'wordOr':
      return t('presets_wordOr', rule.text, rule.or);
    case 'startsWord':
      return t('presets_startsWord', rule.text);
    case 'like':
      return t('presets_like', rule.text);
    case 'other':
      return rule.source;
  }
}

/** A rule line in words. */
export const lineInWords = (line: string): string => words(ruleWords(line));

const chips = (rules: RuleWords[]) => rules.map((r, i) => h('li', { key: i }, words(r)));

/**
 * A preset whole: every rule in words (the first few, the rest behind "+N more"), its exceptions in
 * words, and the sites whose spellings it is written in. The onboarding and the options' presets.
 */
export function presetWhole(preset: Preset) {
  const { shown, more, exceptions, sites } = presetRules(preset);
  const name = presetName(preset.id);
  return h(
    'div',
    { class: 'stack preset-whole' },
    h('ul', { class: 'rules', 'aria-label': t('onboarding_rulesOf', name) }, ...chips(shown)),
    more.length > 0
      ? h(
          'details',
          { class: 'more' },
          h('summary', {}, t('onboarding_more', more.length)),
          h('ul', { class: 'rules' }, ...chips(more)),
        )
      : null,
    exceptions.length > 0
      ? h(
          'div',
          { class: 'stack' },
          h('span', { class: 'muted' }, t('presets_except')),
          h(
            'ul',
            { class: 'rules exceptions', 'aria-label': t('presets_exceptionsOf', name) },
            ...chips(exceptions),
          ),
        )
      : null,
    h('p', { class: 'muted preset-sites' }, t('presets_spelledOn', sites.join(', '))),
  );
}
