// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PickerStore } from './store';

/** A page of three entries with two tags each, and the picker's own host. */
function page() {
  document.body.innerHTML = `<ul>${[1, 2, 3]
    .map((i) => `<li class="card"><a class="tag">a${i}</a><a class="tag">b${i}</a></li>`)
    .join('')}</ul><div id="host"></div>`;
  const host = document.getElementById('host') as HTMLElement;
  const entry = document.querySelector('li.card') as Element;
  return { host, entry, tag: entry.querySelector('a.tag') as Element };
}

describe('the picker’s Save', () => {
  it('closes the picker once the settings page took the selectors', async () => {
    const { host, entry, tag } = page();
    const save = vi.fn(async () => {});
    const close = vi.fn();
    const store = new PickerStore({ doc: document, host, save, close });
    store.choose(entry);
    store.choose(tag);
    expect(store.canSave.value).toBe(true);
    await store.save();
    expect(save).toHaveBeenCalledWith({
      entrySelector: store.entrySelector.value,
      tagSelector: store.tagSelector.value,
    });
    expect(close).toHaveBeenCalledOnce();
    expect(store.saveFailed.value).toBe(false);
  });

  it('keeps the panel and the selectors, and says so, when Save did not reach the settings', async () => {
    const { host, entry, tag } = page();
    const close = vi.fn();
    let refuse = true;
    const save = vi.fn(async (): Promise<void> => {
      if (refuse) throw new Error('The picked selectors or the page address do not read');
    });
    const store = new PickerStore({ doc: document, host, save, close });
    store.choose(entry);
    store.choose(tag);
    store.entrySelector.value = 'ul > li.card';
    await store.save();
    expect(close).not.toHaveBeenCalled();
    expect(store.saveFailed.value).toBe(true);
    expect(store.entrySelector.value).toBe('ul > li.card');
    expect(store.saving.value).toBe(false);
    expect(store.canSave.value).toBe(true); // the user can try again
    // A later Save that goes through clears the message.
    refuse = false;
    await store.save();
    expect(store.saveFailed.value).toBe(false);
    expect(close).toHaveBeenCalledOnce();
  });
});
