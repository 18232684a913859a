import { describe, expect, it } from 'vitest';
import { mergeInto, missingFrom } from './merge';
import { defaultSettings, type Settings } from './schema';

function withList(patterns: string[], exceptions?: string[]): Settings {
  const settings = defaultSettings();
  const mine = settings.lists[0] as Settings['lists'][number];
  mine.patterns = patterns;
  if (exceptions) mine.exceptions = exceptions;
  return settings;
}

describe('mergeInto', () => {
  it('keeps a list’s own exceptions that only the other copy has', () => {
    const into = withList(['netorare'], ['no cheating']);
    const kept = withList(['netorare', 'cheating'], ['no cheating', 'not cheating']);
    expect(mergeInto(into, kept)).toBe(2);
    expect(into.lists[0]?.patterns).toEqual(['netorare', 'cheating']);
    expect(into.lists[0]?.exceptions).toEqual(['no cheating', 'not cheating']);
  });

  it('counts a copy that differs only in a list’s exceptions as missing something', () => {
    expect(missingFrom(withList(['netorare']), withList(['netorare'], ['no cheating']))).toBe(1);
    expect(missingFrom(withList(['netorare'], ['no cheating']), withList(['netorare']))).toBe(0);
  });
});
