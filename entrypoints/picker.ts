import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPicker } from '@/src/picker/picker';

// Injected by the popup into the one tab the user chose (scripting.executeScript under activeTab);
// never listed in the manifest, so it runs on no page by itself.
export default defineUnlistedScript(() => {
  startPicker({
    // The background checks the selectors again and opens Tagveil's settings to confirm and grant the site.
    save: async (proposal) => {
      await browser.runtime.sendMessage({ type: 'tagveil:picker-save', ...proposal });
    },
  });
});
