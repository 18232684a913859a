import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureSettingsStored } from '@/src/settings/store';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void ensureSettingsStored();
  });
});
