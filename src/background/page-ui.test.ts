import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageUiFor } from './page-ui';

describe('the page UI for an added site’s script', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What the background asks the browser to run, and where. */
  function injections() {
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: unknown) => {
      asked.push(injection);
      return [];
    }) as typeof fakeBrowser.scripting.executeScript);
    return asked;
  }

  it('goes into the asking document only, where the browser names it (a frame navigated since gets nothing)', async () => {
    const asked = injections();
    await pageUiFor({ tab: { id: 4 }, frameId: 2, documentId: 'doc-1' });
    expect(asked).toEqual([{ target: { tabId: 4, documentIds: ['doc-1'] }, files: ['/page-ui.js'] }]);
  });

  it('into the asking frame where no document is named, and nowhere without a tab', async () => {
    const asked = injections();
    await pageUiFor({ tab: { id: 4 }, frameId: 2 });
    await expect(pageUiFor({ frameId: 2 })).rejects.toThrow('no tab');
    expect(asked).toEqual([{ target: { tabId: 4, frameIds: [2] }, files: ['/page-ui.js'] }]);
  });
});
