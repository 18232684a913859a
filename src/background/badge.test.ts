import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endWarning, showCount, showWarning, WARNING_MS } from './badge';

const TAB = 4;
const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
const title = () => fakeBrowser.action.getTitle({ tabId: TAB });

describe('the toolbar badge of a tab', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(async () => {
    await endWarning(TAB);
    vi.useRealTimers();
  });

  it('counts the entries acted on; none shows nothing', async () => {
    await showCount(TAB, 12);
    expect(await badge()).toBe('12');
    await showCount(TAB, 0);
    expect(await badge()).toBe('');
  });

  it('shows "!" with the reason for a while, then the count again', async () => {
    await showCount(TAB, 3);
    await showWarning(TAB, 'Tagveil did not add “x…”: longer than 500 characters');
    expect(await badge()).toBe('!');
    expect(await title()).toBe('Tagveil did not add “x…”: longer than 500 characters');
    // A count that arrives meanwhile is what comes back.
    await showCount(TAB, 5);
    expect(await badge()).toBe('!');
    await vi.advanceTimersByTimeAsync(WARNING_MS);
    expect(await badge()).toBe('5');
    expect(await title()).toBe('Tagveil');
  });

  it('ends the warning at once when the next click works', async () => {
    await showCount(TAB, 2);
    await showWarning(TAB, 'no');
    await endWarning(TAB);
    expect(await badge()).toBe('2');
    expect(await title()).toBe('Tagveil');
  });
});
