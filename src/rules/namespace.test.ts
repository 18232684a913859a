import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseRule } from './parse';

describe('a whole namespace (male:*, as EhViewer users filter)', () => {
  const hides = (rule: string, tag: { namespace?: string; name: string }) =>
    compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]).judge({
      id: '1',
      tags: [tag],
      title: '',
      creators: [],
    }).action === 'hide';

  it('matches any tag in that namespace and none elsewhere', () => {
    expect(parseRule('male:*').ok).toBe(true);
    expect(hides('male:*', { namespace: 'male', name: 'shota' })).toBe(true);
    expect(hides('m:*', { namespace: 'male', name: 'anything at all' })).toBe(true);
    expect(hides('male:*', { namespace: 'female', name: 'shota' })).toBe(false);
    expect(hides('male:*', { name: 'male' })).toBe(false);
    expect(hides('misc:*', { name: 'artbook' })).toBe(true);
  });

  it('a wildcard alone, with no namespace, is still refused', () => {
    expect(parseRule('*').ok).toBe(false);
    expect(parseRule('**').ok).toBe(false);
    expect(parseRule('male:**').ok).toBe(false);
  });
});
