import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { MessageError } from './message';
import { migrate1to2, migrateSettings, NewerVersionError, SETTINGS_VERSION } from './migrations';
import { repairSettings } from './repair';
import { SettingsSchema } from './schema';

/** What a call threw, in English. */
function thrownText(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return error instanceof MessageError ? englishText(error.said) : String(error);
  }
  return '';
}

/** Settings exactly as Tagveil 0.1 stored them (settings version 1). */
const VERSION_1 = {
  enabled: true,
  audit: false,
  refill: 'off',
  completeTags: false,
  sites: { nhentai: false },
  exceptions: ['vanilla'],
  aliases: [['ntr', 'netorare']],
  lists: [
    { id: 'mine', name: 'My blocklist', enabled: true, action: 'hide', patterns: ['gore', '寝取られ'] },
  ],
};

describe('migration 1 → 2', () => {
  it('turns the badge on and keeps everything else', () => {
    expect(migrate1to2(structuredClone(VERSION_1))).toEqual({ ...VERSION_1, badge: true });
  });

  it('leaves nothing as nothing', () => {
    expect(migrate1to2(null)).toBeNull();
    expect(migrate1to2(undefined)).toBeUndefined();
  });

  it('run twice gives the same as once', () => {
    const once = migrate1to2(structuredClone(VERSION_1));
    expect(migrate1to2(once)).toEqual(once);
  });

  it('keeps a badge choice that is already there', () => {
    expect(migrate1to2({ ...VERSION_1, badge: false })).toMatchObject({ badge: false });
  });
});

describe('migrateSettings', () => {
  it('brings version 1 settings to valid current settings', () => {
    const current = migrateSettings(structuredClone(VERSION_1), 1);
    expect(SettingsSchema.safeParse(current).success).toBe(true);
    expect(repairSettings(current).problems).toEqual([]);
  });

  it('leaves current settings alone', () => {
    const current = migrateSettings(structuredClone(VERSION_1), 1);
    expect(migrateSettings(current, SETTINGS_VERSION)).toBe(current);
  });

  it('refuses settings from a newer Tagveil, saying so', () => {
    expect(() => migrateSettings({}, SETTINGS_VERSION + 1)).toThrow(NewerVersionError);
    expect(thrownText(() => migrateSettings({}, SETTINGS_VERSION + 1))).toMatch(/newer Tagveil/u);
  });

  it('refuses a version that is not one', () => {
    expect(thrownText(() => migrateSettings({}, 0))).toMatch(/version 0 could not be read/u);
    expect(thrownText(() => migrateSettings({}, 1.5))).toMatch(/version 1.5 could not be read/u);
  });
});
