import { describe, expect, it } from 'vitest';
import { ruleFromClick, tagLinkPatterns } from './menus';

describe('context menu clicks', () => {
  it('a tag link on AO3 becomes that tag, literally', () => {
    expect(
      ruleFromClick({
        menuItemId: 'tagveil-link:mine',
        linkUrl: 'https://archiveofourown.org/tags/Netorare/works',
      }),
    ).toEqual({ listId: 'mine', rule: 'Netorare' });
    expect(
      ruleFromClick({
        menuItemId: 'tagveil-link:mine',
        linkUrl: 'https://archiveofourown.org/tags/-Hurt-/works',
      }),
    ).toEqual({ listId: 'mine', rule: '"-Hurt-"' });
  });

  it('selected text becomes a tag, spaces tidied', () => {
    expect(ruleFromClick({ menuItemId: 'tagveil-selection:ntr', selectionText: '  寝取られ \n' })).toEqual({
      listId: 'ntr',
      rule: '寝取られ',
    });
  });

  it('ignores a click that names no tag', () => {
    expect(
      ruleFromClick({ menuItemId: 'tagveil-link:mine', linkUrl: 'https://e-hentai.org/g/1/a/' }),
    ).toBeNull();
    expect(ruleFromClick({ menuItemId: 'tagveil-link' })).toBeNull();
  });

  it('shows on every site’s tag links', () => {
    expect(tagLinkPatterns()).toEqual(
      expect.arrayContaining(['https://archiveofourown.org/tags/*', 'https://nhentai.net/tag/*']),
    );
  });
});
