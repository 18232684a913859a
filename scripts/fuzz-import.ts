/**
 * `npm run fuzz` (second half): many malformed settings files (npm test runs 1,200). Each must be refused
 * by readSettingsFile with messages that name a path, and never throw. Then 100,000 stored values
 * (arbitrary JSON, and settings with any field wrong; npm test runs 1,500): repair must never throw and
 * must always return settings that validate, without giving up on a field.
 */
import fc from 'fast-check';
import { repairSettings, UNREPAIRED } from '../src/settings/repair';
import { SettingsSchema } from '../src/settings/schema';
import { readSettingsFile } from '../src/settings/transfer';
import { englishText } from '../tests/locale-text';
import { ERROR_LINE, malformedImport } from '../tests/malformed-imports';
import { storedSettings } from '../tests/unit/settings-arbitrary';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
let refused = 0;
let accepted = 0;
fc.assert(
  fc.property(malformedImport, (text) => {
    const result = readSettingsFile(text);
    if (result.ok) {
      accepted++; // a mutation that left the file valid
      return;
    }
    if (result.errors.length === 0 || result.errors.some((e) => !ERROR_LINE.test(englishText(e))))
      throw new Error(`unclear errors for ${text.slice(0, 200)}: ${JSON.stringify(result.errors)}`);
    refused++;
  }),
  { numRuns: RUNS },
);
console.log(
  `import fuzz: ${refused} malformed files refused with a path and a message, ${accepted} mutations were still valid files`,
);

const REPAIR_RUNS = Number(process.env.FUZZ_REPAIR_RUNS ?? 100_000);
let repaired = 0;
let valid = 0;
fc.assert(
  fc.property(storedSettings, (raw) => {
    const { settings, problems } = repairSettings(raw);
    const check = SettingsSchema.safeParse(settings);
    if (!check.success) throw new Error(`repair returned invalid settings: ${check.error.message}`);
    if (problems.some((p) => p.key === UNREPAIRED))
      throw new Error(`repair gave up: ${problems.map(englishText).join('; ')}`);
    if (problems.length > 0) repaired++;
    else valid++;
  }),
  { numRuns: REPAIR_RUNS },
);
console.log(
  `repair fuzz: ${repaired} damaged values repaired to valid settings, ${valid} were valid already; none threw`,
);
