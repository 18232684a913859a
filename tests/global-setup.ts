import { HAVE_REAL_PAGES, NO_REAL_PAGES_REASON } from './real-pages';

/** Says once, up front, when the saved real pages are missing and their tests will be skipped. */
export default function setup(): void {
  if (!HAVE_REAL_PAGES) console.warn(`\n⚠ ${NO_REAL_PAGES_REASON}\n`);
}
