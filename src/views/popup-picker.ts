// "Use Tagveil on this site" on a page Tagveil does not know: starts the point-and-click picker in the
// tab (src/picker/), or, where it cannot run, opens the options page's form for typing the selectors.
import { h } from 'preact';
import { t } from '../ui/i18n';
import type { PopupStore } from './popup-store';

export function AddSite({ store, origin }: { store: PopupStore; origin: string }) {
  const { startPicker, openOptions } = store.deps;
  const typeThem = () => openOptions(`?site=${encodeURIComponent(origin)}#custom-sites`);
  return h(
    'div',
    { class: 'row' },
    h(
      'button',
      {
        type: 'button',
        id: 'add-site',
        class: 'secondary',
        onClick: () => (startPicker ? void startPicker() : typeThem()),
      },
      t('useOnThisSite'),
    ),
    h(
      'button',
      { type: 'button', id: 'type-selectors', class: 'link', onClick: typeThem },
      t('popup_typeSelectors'),
    ),
  );
}
