import { describe, expect, it } from 'vitest';
import { readImport } from '../settings/foreign';
import { defaultSettings } from '../settings/schema';
import { planImport } from '../settings/transfer';
import { importListNames } from '../ui/i18n';
import { countChanges } from './import-model';

function imported(text: string, settings = defaultSettings()) {
  const read = readImport(text, 'plain', importListNames());
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return planImport(settings, read.incoming, 'merge');
}

describe('countChanges', () => {
  it('an import of rules every list already has changes nothing, and says 0', () => {
    const first = imported('gore\nguro');
    expect(countChanges(defaultSettings(), first.result)).toBe(1);
    const again = imported('gore\nguro', first.result);
    // The preview's line says "already has every rule": not a change.
    expect(again.changes).toHaveLength(1);
    expect(countChanges(first.result, again.result)).toBe(0);
  });

  it('counts lists added, changed and removed, alias groups and the other settings', () => {
    const before = defaultSettings();
    const after = structuredClone(before);
    after.lists[0]?.patterns.push('x');
    after.lists.pop();
    after.aliases.push(['a', 'b']);
    after.badge = false;
    expect(countChanges(before, after)).toBe(4);
  });
});
