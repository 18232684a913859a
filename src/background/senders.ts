import {
  type ContentScriptRequest,
  ContentScriptRequestSchema,
  type ExtensionPageRequest,
  ExtensionPageRequestSchema,
} from '../messages';

/** What the browser says about who sent a runtime message (the part of `runtime.MessageSender` used here). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** This extension, as the browser names it: its id and the base of its pages' URLs (`runtime.getURL('')`). */
export interface Self {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with the final slash. */
  base: string;
}

/**
 * `extension-page`: the popup, the options or onboarding page (trusted code).
 * `content-script`: Tagveil's own script, but running inside a web page, which it reads and which may
 * try to steer it: it may only say what it saw (the badge count of its own tab) and ask to hide one entry
 * of the site its tab shows ("Hide this one", checked and written by the background).
 * `other`: not this extension at all.
 */
export type SenderKind = 'extension-page' | 'content-script' | 'other';

/**
 * An extension page's URL is under the extension's own base; a content script's `sender.url` is the web
 * page's. `sender.id` alone is the same for both. No web page can frame an extension page (none is
 * web-accessible: the manifest lists only script files, for content scripts to import), so the URL says
 * where the code runs.
 */
export function isExtensionPage(sender: Sender, self: Self): boolean {
  if (sender.id !== self.id || !sender.url?.startsWith(self.base)) return false;
  // Chromium also reports the origin; where it does, it must agree (the base without its final slash).
  return sender.origin === undefined || `${sender.origin}/` === self.base;
}

export function senderKind(sender: Sender, self: Self): SenderKind {
  if (isExtensionPage(sender, self)) return 'extension-page';
  if (sender.id === self.id && sender.tab?.id !== undefined) return 'content-script';
  return 'other';
}

/** Admitted: what to do, and for a content script its tab. Refused: a reason to answer with. Ignored: not for us. */
export type Admission =
  | { kind: 'page'; request: ExtensionPageRequest }
  | { kind: 'tab'; request: ContentScriptRequest; tabId: number; url: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'ignored' };

/**
 * Decides what the background does with a message: each sender may ask for its own things only, and
 * every message is validated first. A privileged request from a content script is refused out loud, so
 * a page that got one sent learns nothing by silence and the refusal shows in the sender's console.
 */
export function admit(message: unknown, sender: Sender, self: Self): Admission {
  const kind = senderKind(sender, self);
  if (kind === 'extension-page') {
    const request = ExtensionPageRequestSchema.safeParse(message);
    return request.success ? { kind: 'page', request: request.data } : { kind: 'ignored' };
  }
  if (kind === 'content-script') {
    const request = ContentScriptRequestSchema.safeParse(message);
    if (request.success) {
      const tabId = sender.tab?.id;
      // A subframe's count is not its tab's: only the top frame speaks for the tab.
      // The page's address (the browser's word, not the script's) says which site's entries it may hide.
      return tabId !== undefined && (sender.frameId ?? 0) === 0 && sender.url
        ? { kind: 'tab', request: request.data, tabId, url: sender.url }
        : { kind: 'ignored' };
    }
    const privileged = ExtensionPageRequestSchema.safeParse(message);
    if (privileged.success) return { kind: 'refused', reason: refusal(privileged.data.type) };
  }
  return { kind: 'ignored' };
}

export function refusal(type: string): string {
  return `Tagveil: "${type}" is accepted only from the extension's own pages, not from a content script.`;
}
