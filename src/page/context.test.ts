// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, LOCATION_CHANGE, LOCATION_POLL_MS, scriptStartedEvent } from './context';

const EXTENSION_ID = 'test-extension-id';
/** Every context a test made, ended afterwards so none outlives its test. */
const made: ContentScriptContext[] = [];
function context(name = 'ao3'): InstanceType<typeof ContentScriptContext> {
  const ctx = new ContentScriptContext(name);
  made.push(ctx);
  return ctx;
}
/** The detail of every "script started" event `name` sends while `run` runs. */
function startedEvents(name: string, run: () => void): unknown[] {
  const details: unknown[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent).detail);
  document.addEventListener(scriptStartedEvent(name), listener);
  run();
  document.removeEventListener(scriptStartedEvent(name), listener);
  return details;
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.id = EXTENSION_ID;
});
afterEach(() => {
  fakeBrowser.runtime.id = EXTENSION_ID;
  for (const ctx of made.splice(0)) ctx.notifyInvalidated();
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as { navigation?: unknown }).navigation;
  history.replaceState(null, '', '/');
});

describe('ContentScriptContext: one copy of a script per document', () => {
  it('a newer copy of the same script stops an older one whose extension is gone (an update), once', () => {
    const older = context('ao3');
    const ended = vi.fn();
    older.onInvalidated(ended);
    const type = scriptStartedEvent('ao3');
    // While its extension lives, a newer copy's start (a second injection, or the page firing the event)
    // does not stop it: the runtime turns a second copy away instead (claimFrame).
    const newer = context('ao3');
    expect(ended).not.toHaveBeenCalled();
    expect(older.isInvalid).toBe(false);
    newer.notifyInvalidated();
    // Updated: this copy's runtime is gone when the new version's copy announces itself.
    fakeBrowser.runtime.id = undefined as unknown as string;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'ao3', messageId: 'new' } }));
    expect(ended).toHaveBeenCalledTimes(1);
    fakeBrowser.runtime.id = EXTENSION_ID;
    expect(older.isInvalid).toBe(true);
    // Its callbacks do not run again.
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'ao3', messageId: 'x' } }));
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('its own event does not stop it, even sent again', () => {
    let ctx: InstanceType<typeof ContentScriptContext> | undefined;
    const [own] = startedEvents('ao3', () => {
      ctx = context('ao3');
    });
    expect(ctx?.isInvalid).toBe(false);
    document.dispatchEvent(new CustomEvent(scriptStartedEvent('ao3'), { detail: own }));
    expect(ctx?.isInvalid).toBe(false);
  });

  it('another script, or the same name under another extension id, does not stop it', () => {
    const ao3 = context('ao3');
    context('pixiv');
    // Another script's name in the detail of this script's event.
    document.dispatchEvent(
      new CustomEvent(scriptStartedEvent('ao3'), { detail: { contentScriptName: 'pixiv', messageId: 'x' } }),
    );
    // A copy of another extension (another id) with the same script name.
    fakeBrowser.runtime.id = 'another-extension';
    context('ao3');
    fakeBrowser.runtime.id = EXTENSION_ID;
    // An event that is not a CustomEvent, or has no detail.
    document.dispatchEvent(new Event(scriptStartedEvent('ao3')));
    document.dispatchEvent(new CustomEvent(scriptStartedEvent('ao3')));
    expect(ao3.isInvalid).toBe(false);
  });

  it('announces itself as WXT did (name, detail): a copy of a version with WXT’s context stops too', () => {
    const details = startedEvents('ao3', () => context('ao3'));
    expect(scriptStartedEvent('ao3')).toBe(`${EXTENSION_ID}:ao3:wxt:content-script-started`);
    expect(details).toEqual([{ contentScriptName: 'ao3', messageId: expect.any(String) }]);
    // Each copy has its own id.
    const again = startedEvents('ao3', () => context('ao3'));
    expect(again[0]).not.toEqual(details[0]);
  });

  it('never posts a message to the page', async () => {
    const messages = vi.fn();
    window.addEventListener('message', messages);
    const post = vi.spyOn(window, 'postMessage');
    context('ao3');
    context('ao3');
    await new Promise((resolve) => setTimeout(resolve, 10));
    window.removeEventListener('message', messages);
    expect(post).not.toHaveBeenCalled();
    expect(messages).not.toHaveBeenCalled();
  });
});

describe('ContentScriptContext: its end', () => {
  it('is invalid once the extension’s runtime is gone (updated or removed), and says so once', () => {
    const ctx = context();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isInvalid).toBe(false);
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    // The runtime cannot come back for this copy: it stays ended.
    fakeBrowser.runtime.id = EXTENSION_ID;
    expect(ctx.isInvalid).toBe(true);
  });

  it('runs each onInvalidated callback once, and not one that was removed', () => {
    const ctx = context();
    const kept = vi.fn();
    const removed = vi.fn();
    ctx.onInvalidated(kept);
    ctx.onInvalidated(removed)();
    ctx.notifyInvalidated();
    ctx.notifyInvalidated();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
  });

  it('runs a timer while valid, and none once it ended or the runtime went', () => {
    vi.useFakeTimers();
    const ctx = context();
    const early = vi.fn();
    const late = vi.fn();
    const orphan = vi.fn();
    ctx.setTimeout(early, 100);
    ctx.setTimeout(late, 1_000);
    vi.advanceTimersByTime(100);
    expect(early).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(late).not.toHaveBeenCalled();
    // The runtime gone before the timer fires (nothing told the context): the handler does not run.
    const other = context('pixiv');
    other.setTimeout(orphan, 100);
    fakeBrowser.runtime.id = undefined as unknown as string;
    vi.advanceTimersByTime(100);
    expect(orphan).not.toHaveBeenCalled();
  });

  it('a timer that was cleared with clearTimeout does not run', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    clearTimeout(context().setTimeout(fn, 10));
    vi.advanceTimersByTime(10);
    expect(fn).not.toHaveBeenCalled();
  });

  it('hears events while valid, with the options given, and none once it ended', () => {
    const ctx = context();
    const heard = vi.fn();
    const once = vi.fn();
    ctx.addEventListener(document, 'visibilitychange', heard);
    ctx.addEventListener(document, 'visibilitychange', once, { once: true });
    document.dispatchEvent(new Event('visibilitychange'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toHaveBeenCalledTimes(2);
    expect(once).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toHaveBeenCalledTimes(2);
    // Added after its end: never heard.
    const after = vi.fn();
    ctx.addEventListener(document, 'visibilitychange', after);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(after).not.toHaveBeenCalled();
  });
});

describe('ContentScriptContext: address changes without a page load', () => {
  it('without the Navigation API, looks every second and says once per change', () => {
    vi.useFakeTimers();
    const ctx = context();
    const changed = vi.fn();
    const alsoChanged = vi.fn();
    ctx.addEventListener(window, LOCATION_CHANGE, changed);
    ctx.addEventListener(window, LOCATION_CHANGE, alsoChanged);
    // One look for both listeners.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3 * LOCATION_POLL_MS);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/works?page=2');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(alsoChanged).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5 * LOCATION_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(1);
    // The same address again: no change.
    history.pushState(null, '', '/works?page=2');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/works?page=3');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(2);
    // Ended: the look stops, nothing is said.
    ctx.notifyInvalidated();
    expect(vi.getTimerCount()).toBe(0);
    history.pushState(null, '', '/works?page=4');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('with the Navigation API, says once per navigation to another address, and looks at no timer', () => {
    vi.useFakeTimers();
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const navigate = (url: string) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    const ctx = context();
    const changed = vi.fn();
    ctx.addEventListener(window, LOCATION_CHANGE, changed);
    expect(vi.getTimerCount()).toBe(0);
    navigate(location.href);
    expect(changed).not.toHaveBeenCalled();
    navigate(new URL('/works/1', location.href).href);
    expect(changed).toHaveBeenCalledTimes(1);
    navigate(new URL('/works/1', location.href).href);
    expect(changed).toHaveBeenCalledTimes(1);
    navigate(new URL('/works/2', location.href).href);
    expect(changed).toHaveBeenCalledTimes(2);
    ctx.notifyInvalidated();
    navigate(new URL('/works/3', location.href).href);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('is the script’s own: a page cannot hear it on window, nor fire it', () => {
    vi.useFakeTimers();
    const ctx = context();
    const changed = vi.fn();
    ctx.addEventListener(window, LOCATION_CHANGE, changed);
    // What a page could try: WXT's names, fired on window or document.
    for (const name of [LOCATION_CHANGE, `${EXTENSION_ID}:ao3:${LOCATION_CHANGE}`]) {
      window.dispatchEvent(new Event(name));
      document.dispatchEvent(new Event(name));
    }
    expect(changed).not.toHaveBeenCalled();
    const onWindow = vi.fn();
    const dispatch = vi.spyOn(window, 'dispatchEvent');
    window.addEventListener(LOCATION_CHANGE, onWindow);
    history.pushState(null, '', '/works?page=2');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    window.removeEventListener(LOCATION_CHANGE, onWindow);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(onWindow).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('an ended context starts no watching', () => {
    vi.useFakeTimers();
    const ctx = context();
    ctx.notifyInvalidated();
    ctx.addEventListener(window, LOCATION_CHANGE, vi.fn());
    expect(vi.getTimerCount()).toBe(0);
  });
});
