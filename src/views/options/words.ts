import { t } from '@/src/ui/i18n';
import { type RuleWords, ruleWords } from '../onboarding-model';

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
    case 'other':
      return rule.source;
  }
}

/** A rule line in words. */
export const lineInWords = (line: string): string => words(ruleWords(line));
