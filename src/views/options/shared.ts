import { type ComponentChildren, h } from 'preact';
import { browser } from 'wxt/browser';
import { originsToGiveBack } from '@/src/settings/origins';
import type { Settings } from '@/src/settings/schema';
import { updateSettings } from '@/src/settings/store';
import { freeId } from '@/src/settings/transfer';
import { errorText, t, uiLanguage } from '@/src/ui/i18n';
import type { Draft } from './editor';

export type Child = ComponentChildren;

// Shared by the options page's sections: notices, saving, downloads, formatting, the unsaved edits.

let renderer: () => void = () => undefined;

/** The page's render function, set once by main.ts; sections call render() after a change of their own. */
export function setRenderer(fn: () => void): void {
  renderer = fn;
}

export function render(): void {
  renderer();
}

/** Unsaved rule edits, by editor key (`list-<id>`, `exceptions`, `aliases`). */
export const drafts = new Map<string, Draft>();
const notices = new Map<string, { text: string; error: boolean }>();

/**
 * A notice for a section (or an editor, by its key). It stays, through every redraw, until the user's
 * next action: another notice, or an edit of the same editor.
 */
export function say(section: string, text: string, error = false): void {
  notices.clear();
  notices.set(section, { text, error });
}

export function clearNotice(section: string): void {
  notices.delete(section);
}

/** The notice a section shows now, if any (a section that draws its own, with an Undo). */
export function noticeOf(section: string): { text: string; error: boolean } | undefined {
  return notices.get(section);
}

export function noticeFor(section: string) {
  const n = notices.get(section);
  return h(
    'p',
    { id: `notice-${section}`, class: n ? (n.error ? 'problem' : 'ok') : 'notice-empty', role: 'status' },
    n?.text ?? '',
  );
}

export async function save(
  section: string,
  change: (s: Settings) => void,
  done?: string,
): Promise<Settings | null> {
  // Any change is the user's next action: the last notice has been read.
  notices.clear();
  try {
    let before: Settings | null = null;
    const settings = await updateSettings((s) => {
      before = structuredClone(s);
      change(s);
    });
    if (before) giveBackOrigins(before, settings);
    if (done) say(section, done);
    render();
    return settings;
  } catch (error) {
    say(section, t('couldNotSave', errorText(error)), true);
    render();
    return null;
  }
}

/**
 * Gives back to the browser the host permissions a change stopped using (a site removed, a subscription
 * deleted or unsubscribed, a Replace import): Tagveil keeps none it has no use for. One origin at a time:
 * one the manifest grants (a built-in site) cannot be given back, and stays.
 */
export function giveBackOrigins(before: Settings, after: Settings): void {
  for (const origin of originsToGiveBack(before, after))
    browser.permissions?.remove({ origins: [origin] }).catch(() => false);
}

/** A section of the page: its id (the navigation's target), its heading, named for screen readers. */
export function section(id: string, heading: string, ...children: Child[]) {
  return h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, heading), ...children);
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function newListId(settings: Settings, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
  return freeId(slug || 'list', new Set(settings.lists.map((l) => l.id)));
}

export function toggle(
  id: string,
  label: string,
  checked: boolean,
  write: (s: Settings, on: boolean) => void,
) {
  return h(
    'label',
    {},
    h('input', {
      type: 'checkbox',
      id,
      checked,
      onChange: (e: Event) => {
        const on = (e.currentTarget as HTMLInputElement).checked;
        void save('behaviour', (s) => write(s, on)).then(render);
      },
    }),
    label,
  );
}

export async function refreshSubscription(listId: string): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'tagveil:refresh-subscriptions', listId });
  } catch (error) {
    say('subscriptions', t('couldNotSave', errorText(error)), true);
  }
  render();
}
