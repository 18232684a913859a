/**
 * The main-world reader's cost per MB of the page's JSON: what it does with a copy of each answer (parse,
 * extract id → facts, serialise the message), over the real answers in ../shared/fixtures/real.
 * Run: npx tsx bench/page-data.ts
 */

import { hitomiWorks } from '../src/sites/hitomi-data';
import { mangadexWorks } from '../src/sites/mangadex-data';
import type { PageWork } from '../src/sites/page-data';
import { pixivWorks } from '../src/sites/pixiv-data';
import { realPage } from '../tests/real-pages';

const ANSWERS: [site: string, file: string, read: (text: string) => PageWork[]][] = [
  ['pixiv', 'search-artworks-gup.json', (t) => pixivWorks(JSON.parse(t))],
  ['pixiv', 'follow-latest-illust.json', (t) => pixivWorks(JSON.parse(t))],
  ['pixiv', 'illust-67729319.json', (t) => pixivWorks(JSON.parse(t))],
  ['mangadex', 'manga-list-100-2024-08.json', (t) => mangadexWorks(JSON.parse(t))],
  ['hitomi', 'galleries-1674850.js', hitomiWorks],
];
const ROUNDS = 200;

for (const [site, file, read] of ANSWERS) {
  const text = realPage(site, file);
  let works = 0;
  for (let i = 0; i < 20; i++) read(text); // warm up
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    const found = read(text);
    works = found.length;
    JSON.stringify({ site, works: found });
  }
  const ms = (performance.now() - start) / ROUNDS;
  const mb = text.length / (1024 * 1024);
  console.log(
    `${site}/${file}: ${(text.length / 1024).toFixed(0)} kB, ${works} works, ${ms.toFixed(2)} ms an answer, ${(ms / mb).toFixed(1)} ms per MB`,
  );
}
