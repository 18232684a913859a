import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { updateSettings } from '@/src/settings/store';
import { setDocumentLanguage, t } from '@/src/ui/i18n';
import { Onboarding } from '@/src/views/onboarding';

setDocumentLanguage();
document.title = t('onboardingTitle');
const View = Onboarding({
  deps: { updateSettings, openOptionsPage: () => void browser.runtime.openOptionsPage() },
});
render(h(View, {}), document.getElementById('app') as HTMLElement);
