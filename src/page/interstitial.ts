import type { Verdict } from '../rules/types';
import { t } from '../ui/i18n';
import { DRAWN_TEXT_CSS, drawText } from './effects';
import { reasonText } from './reason';

/** The full-page warning before a detail page that carries a blocked tag; closed, like every veil. */
export const INTERSTITIAL_TAG = 'tagveil-interstitial';

const CSS = `
${DRAWN_TEXT_CSS}
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: grid; place-items: center;
  background: #1b1826; color: #f1eefb; font: 16px/1.5 system-ui, sans-serif; }
.box { max-width: 32rem; padding: 24px; text-align: center; }
h1 { font-size: 20px; margin: 0 0 8px; }
p { margin: 0 0 20px; }
button { font: inherit; padding: 6px 16px; margin: 0 6px; border-radius: 6px; cursor: pointer;
  border: 1px solid #a88bff; background: transparent; color: inherit; }
button.primary { background: #6d4bd1; border-color: #6d4bd1; }
button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
`;

export interface InterstitialActions {
  onBack: () => void;
  /** The user chose Show anyway: the caller removes the warning (it is kept in place until then). */
  onShow: () => void;
}

/**
 * Covers the page with "Tagged … — list …", Show anyway and Back, and returns the covering element.
 * The page underneath stays as it is; nothing of the user's lists is readable or searchable by the page
 * (the reason is drawn, as on a veil).
 */
export function showInterstitial(doc: Document, verdict: Verdict, actions: InterstitialActions): HTMLElement {
  const host = doc.createElement(INTERSTITIAL_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'tagveil-title');
  box.setAttribute('aria-describedby', 'tagveil-reason');
  const title = doc.createElement('h1');
  title.id = 'tagveil-title';
  title.textContent = t('interstitialTitle');
  const reason = doc.createElement('p');
  reason.id = 'tagveil-reason';
  drawText(reason, t('interstitialReason', reasonText(verdict)));
  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'primary';
  back.textContent = t('back');
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = t('showAnyway');
  back.addEventListener('click', actions.onBack);
  show.addEventListener('click', actions.onShow);
  box.append(title, reason, back, show);
  root.append(style, box);
  doc.documentElement.append(host);
  back.focus();
  return host;
}
