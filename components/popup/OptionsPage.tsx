/**
 * The options page (the browser's "Extension options"): the same settings as the popup's tab,
 * the fact packs (imported here rather than in the popup: a toolbar popup closes when a file
 * picker opens in some browsers), and the sites where the reader switched Gloss off, each with a
 * button to switch it back on (the popup only shows the current tab's site).
 */
import type { PopupApi } from './popup-api';
import { usePacks } from './hooks/usePacks';
import { useSettings } from './hooks/useSettings';
import { useTheme } from './hooks/useTheme';
import { PacksPanel } from './PacksPanel';
import { SettingsPanel } from './SettingsPanel';

export interface OptionsPageProps {
  api: PopupApi;
  /** The element that carries `data-theme`. */
  root: HTMLElement;
}

/** The whole options page. */
export function OptionsPage({ api, root }: OptionsPageProps) {
  const state = useSettings(api);
  const packs = usePacks(api);
  useTheme(state.settings.theme, root);
  const sites = state.settings.disabledSites;
  return (
    <main class="options panel">
      <h1 class="brand">
        <span class="brand-mark" aria-hidden="true">
          G
        </span>
        Gloss
      </h1>
      <SettingsPanel
        settings={state.settings}
        page={null}
        error={state.error}
        unread={state.unread}
        siteSwitch={false}
        onUpdate={state.update}
      />
      <PacksPanel state={packs} />
      <section class="sites" aria-labelledby="sites-title">
        <h2 id="sites-title" class="view-title">
          Sites where Gloss is off
        </h2>
        {sites.length === 0 ? (
          <p class="muted">None. Switch a site off from the popup while you are on it.</p>
        ) : (
          <ul class="site-list">
            {sites.map((host) => (
              <li key={host}>
                <span class="site-host">{host}</span>
                <button
                  type="button"
                  class="button"
                  aria-label={`Switch Gloss back on for ${host}`}
                  onClick={() => state.update({ site: { host, enabled: true } })}
                >
                  Switch on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
