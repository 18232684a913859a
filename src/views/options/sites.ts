import { h } from 'preact';
import { browser } from 'wxt/browser';
import { pickedFromQuery } from '@/src/picker/confirm';
import { type CustomSite, originPattern, type Settings } from '@/src/settings/schema';
import { customSiteId, selectorProblem } from '@/src/sites/custom';
import { SITES } from '@/src/sites/registry';
import { messageText, t } from '@/src/ui/i18n';
import { noticeFor, render, save, say, section, toggle } from './shared';

// The options page's Sites section: built-in sites on and off, and the sites the user adds by selectors.

/** Origins the user granted, to show which added sites still wait for permission. */
let grantedOrigins = new Set<string>();

export async function refreshGranted(): Promise<void> {
  grantedOrigins = new Set((await browser.permissions.getAll()).origins ?? []);
}

export function sitesSection(settings: Settings) {
  return section(
    'sites',
    t('sitesHeading'),
    h(
      'ul',
      { class: 'plain' },
      ...SITES.map((site) =>
        h(
          'li',
          {},
          toggle(`site-${site.id}`, site.name, settings.sites[site.id] !== false, (s, on) => {
            s.sites[site.id] = on;
          }),
          h(
            'span',
            { class: 'muted' },
            ` ${[...new Set(site.matches.map((m) => new URL(m.replace('*.', '')).host))].join(', ')}`,
          ),
        ),
      ),
    ),
    h('p', { class: 'muted' }, t('otherSites')),
    customSitesPart(settings),
  );
}

/** The origin the popup asked for ("Use Tagveil on this site"), and the picker's selectors, to prefill the form. */
const ASKED = pickedFromQuery(location.search);

function customSitesPart(settings: Settings) {
  return h(
    'div',
    { id: 'custom-sites', class: 'stack', style: 'gap: var(--space-3)' },
    h('h3', {}, t('customSitesHeading')),
    h('p', { class: 'muted' }, t('customSitesHelp')),
    h(
      'ul',
      { class: 'plain' },
      ...settings.customSites.map((site) =>
        h(
          'li',
          { class: 'row' },
          h('span', {}, h('strong', {}, site.name), ` ${site.entrySelector} → ${site.tagSelector}`),
          grantedOrigins.has(originPattern(site.origin))
            ? null
            : h(
                'span',
                { class: 'row' },
                h('span', { class: 'problem' }, t('customWaiting', site.name)),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    // A user gesture: the browser asks about this one origin.
                    onclick: () =>
                      void browser.permissions.request({ origins: [originPattern(site.origin)] }),
                  },
                  t('allowSite'),
                ),
              ),
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': t('removeSite', site.name),
              onclick: () =>
                void save(
                  'sites',
                  (s) => {
                    s.customSites = s.customSites.filter((c) => c.id !== site.id);
                  },
                  // Its origin is given back (save: giveBackOrigins) unless a subscription uses it.
                  t('customRemoved', site.name),
                ),
            },
            t('delete'),
          ),
        ),
      ),
    ),
    h(
      'form',
      { class: 'stack', id: 'custom-site-form', onsubmit: addCustomSite },
      h(
        'label',
        { class: 'stack' },
        t('customOrigin'),
        h('input', {
          type: 'url',
          name: 'origin',
          required: true,
          // Not `value`: a redraw (a save elsewhere, a permission event) would put back what the address said.
          defaultValue: ASKED.site,
          placeholder: 'https://catalog.example',
        }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customEntry'),
        h('input', {
          type: 'text',
          name: 'entry',
          required: true,
          defaultValue: ASKED.entry,
          placeholder: 'article.work',
        }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customTags'),
        h('input', {
          type: 'text',
          name: 'tags',
          required: true,
          defaultValue: ASKED.tags,
          placeholder: '.tags a',
        }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customTitle'),
        h('input', { type: 'text', name: 'title', placeholder: 'h2' }),
      ),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, t('addCustomSite'))),
    ),
    noticeFor('sites'),
  );
}

function addCustomSite(event: Event): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  let origin: string;
  try {
    const url = new URL(value('origin'));
    if (url.protocol !== 'https:') throw new Error('not https');
    origin = url.origin;
  } catch {
    say('sites', t('originBad'), true);
    render();
    return;
  }
  const selectors: [string, string][] = [
    [t('customEntry'), value('entry')],
    [t('customTags'), value('tags')],
    ...(value('title') ? [[t('customTitle'), value('title')] as [string, string]] : []),
  ];
  for (const [label, selector] of selectors) {
    const problem = selectorProblem(selector);
    if (problem) {
      say('sites', t('selectorBad', label, messageText(problem)), true);
      render();
      return;
    }
  }
  const host = new URL(origin).host;
  // Asked while the click is still a user gesture: the browser shows its own prompt for this one origin.
  void browser.permissions.request({ origins: [originPattern(origin)] }).then((granted) => {
    if (!granted) {
      say('sites', t('customNotGranted', host), true);
      render();
      return;
    }
    void save(
      'sites',
      (s) => {
        const site: CustomSite = {
          id: customSiteId(origin),
          name: host,
          origin,
          entrySelector: value('entry'),
          tagSelector: value('tags'),
          ...(value('title') ? { titleSelector: value('title') } : {}),
        };
        s.customSites = [...s.customSites.filter((c) => c.id !== site.id), site];
      },
      t('customAdded', host),
    );
  });
}
