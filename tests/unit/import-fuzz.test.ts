import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyImport } from '../../src/settings/importer';
import { defaultSettings } from '../../src/settings/schema';
import { saveSettings } from '../../src/settings/store';
import { readSettingsFile } from '../../src/settings/transfer';
import { importListNames } from '../../src/ui/i18n';
import { englishText } from '../locale-text';
import { ERROR_LINE, malformedImport } from '../malformed-imports';

async function snapshot(): Promise<string> {
  return JSON.stringify([
    await fakeBrowser.storage.sync.get(null),
    await fakeBrowser.storage.local.get(null),
  ]);
}

describe('malformed import files', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('gore', '寝取られ');
    await saveSettings(settings);
  });

  it('are each refused with a message naming where, and the stored settings stay byte-identical', async () => {
    const before = await snapshot();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(malformedImport, async (text) => {
        // A mutation that happens to leave a valid file is not malformed: skip it.
        fc.pre(!readSettingsFile(text).ok);
        const result = await applyImport(text, 'tagveil', 'replace', importListNames());
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(englishText(error)).toMatch(ERROR_LINE);
        refused++;
      }),
      { numRuns: 1200 },
    );
    expect(refused).toBeGreaterThanOrEqual(1000);
    expect(await snapshot()).toBe(before);
  });
});
