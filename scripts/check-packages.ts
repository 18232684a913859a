/**
 * After `wxt zip`: prints each package with its size, and fails if one holds a source map, a test,
 * or (for the store packages) anything but the built extension.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUTPUT = resolve(import.meta.dirname, '../.output');

/** Names of the entries in a zip, from its central directory. */
function zipEntries(data: Buffer): string[] {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== END_SIGNATURE) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== ENTRY_SIGNATURE) throw new Error('damaged central directory');
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    names.push(data.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const FORBIDDEN_ANYWHERE = [
  /\.map$/u,
  /(^|\/)tests?\//u,
  /\.test\.ts$/u,
  /(^|\/)node_modules\//u,
  /^\.output\//u,
];

const zips = readdirSync(OUTPUT).filter((f) => f.endsWith('.zip'));
if (zips.length === 0) throw new Error('no packages in .output: run "npm run zip"');
let failed = false;
for (const zip of zips) {
  const path = join(OUTPUT, zip);
  const entries = zipEntries(readFileSync(path));
  const bad = entries.filter((e) => FORBIDDEN_ANYWHERE.some((re) => re.test(e)));
  const kb = (statSync(path).size / 1024).toFixed(1);
  console.log(
    `${zip}: ${kb} KiB, ${entries.length} files${bad.length ? `; must not contain: ${bad.join(', ')}` : ''}`,
  );
  if (bad.length) failed = true;
  if (!zip.includes('sources') && !entries.includes('manifest.json')) {
    console.log(`${zip}: no manifest.json at the top`);
    failed = true;
  }
}
if (failed) process.exit(1);
