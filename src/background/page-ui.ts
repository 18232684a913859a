import { browser } from 'wxt/browser';

/**
 * The page UI for the added sites' script (Chromium): page-ui.js put into the asking frame's
 * content-script world, on the origin the user granted (src/page/ui-loader.ts injectedPageUi).
 */
export async function pageUiFor(sender: {
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('no tab');
  // The asking document itself (a frame that has navigated since gets nothing), where Chromium names it.
  const target = sender.documentId
    ? { tabId, documentIds: [sender.documentId] }
    : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({ target, files: ['/page-ui.js'] });
}
