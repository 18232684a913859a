import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairSettings, UNREPAIRED } from '../../src/settings/repair';
import { SettingsSchema } from '../../src/settings/schema';
import { storedSettings } from './settings-arbitrary';

describe('repairSettings on anything', () => {
  it('never throws, and what it returns always validates, without giving up on a field (npm run fuzz: 100k)', () => {
    fc.assert(
      fc.property(storedSettings, (raw) => {
        const { settings, problems } = repairSettings(raw);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        expect(problems.filter((p) => p.key === UNREPAIRED)).toEqual([]);
        // What validates as it is comes back as it is, with nothing said.
        if (SettingsSchema.safeParse(raw).success) expect(problems).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});
