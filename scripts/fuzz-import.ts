/**
 * `npm run fuzz` (second half): many malformed settings files (npm test runs 1,200). Each must be refused
 * by readSettingsFile with messages that name a path, and never throw.
 */
import fc from 'fast-check';
import { readSettingsFile } from '../src/settings/transfer';
import { ERROR_LINE, malformedImport } from '../tests/malformed-imports';

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
    if (result.errors.length === 0 || result.errors.some((e) => !ERROR_LINE.test(e)))
      throw new Error(`unclear errors for ${text.slice(0, 200)}: ${JSON.stringify(result.errors)}`);
    refused++;
  }),
  { numRuns: RUNS },
);
console.log(
  `import fuzz: ${refused} malformed files refused with a path and a message, ${accepted} mutations were still valid files`,
);
