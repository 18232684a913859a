import { findBrowser } from '../scripts/find-browser';
import { HAVE_REAL_PAGES, NO_REAL_PAGES_REASON } from './real-pages';

/**
 * Says once, up front, when the saved real pages are missing and their tests will be skipped; before the
 * end-to-end tests, finds the browsers (installing Debian's where it may: not inside a test's time limit).
 */
export default function setup(project?: { name?: string }): void {
  if (!HAVE_REAL_PAGES) console.warn(`\n⚠ ${NO_REAL_PAGES_REASON}\n`);
  if (project?.name === 'e2e') for (const kind of ['chromium', 'firefox'] as const) findBrowser(kind);
}
