import { describe, expect, it } from 'vitest';
import { SITES, siteForUrl } from './registry';

/** Tag links as each site writes them, and the tag the context menu offers to hide. */
const CASES: [string, string | null][] = [
  ['https://archiveofourown.org/tags/Emotional%20Infidelity/works', 'Emotional Infidelity'],
  ['https://archiveofourown.org/tags/Harry%20Potter*s*Draco%20Malfoy/works', 'Harry Potter/Draco Malfoy'],
  ['https://archiveofourown.org/tags/Romance%20*a*%20Drama', 'Romance & Drama'],
  ['https://e-hentai.org/tag/female:netorare', 'female:netorare'],
  ['https://exhentai.org/tag/female:big+breasts', 'female:big breasts'],
  ['https://nhentai.net/tag/netorare/', 'netorare'],
  ['https://nhentai.net/artist/some-artist/', 'some artist'],
  ['https://danbooru.donmai.us/posts?tags=netorare', 'netorare'],
  ['https://danbooru.donmai.us/posts?tags=netorare+vanilla', null],
  ['https://e621.net/posts?tags=rating%3Ae', 'rating:e'],
  ['https://e-hentai.org/g/123/abc/', null],
];

describe('tag links', () => {
  it.each(CASES)('%s names %s', (href, tag) => {
    const url = new URL(href);
    const site = siteForUrl(url.href);
    expect(site?.tagLink?.read(url) ?? null).toBe(tag);
  });

  it('every site knows its tag links', () => {
    for (const site of SITES) expect(site.tagLink?.patterns.length, site.id).toBeGreaterThan(0);
  });
});
