import { render } from 'preact';
// The browser's own API (promise-based in MV3 Chromium and in Firefox), not webextension-polyfill:
// the popup only calls and awaits, and the polyfill's import alone touched every API namespace.
import { browser } from '@wxt-dev/browser';
import searchIndex from 'virtual:gloss/search-index';
import { Popup } from '../../components/popup/Popup';
import { createPopupApi } from '../../utils/popup-api';
import { createCoreSearcher } from '../../utils/search-core';
import '../../components/popup/popup.css';
import '../../components/popup/popup-search.css';
import '../../components/popup/popup-term.css';
import '../../components/popup/popup-saved.css';
import '../../components/popup/popup-settings.css';

// The search index is built at build time; loading it is a JSON.parse. The fact base and the
// fuzzy search (Fuse.js) are separate chunks, imported after the first paint.
const params = new URLSearchParams(location.search);
render(
  <Popup
    api={createPopupApi(browser, location.search)}
    searcher={createCoreSearcher(searchIndex)}
    loadFactBase={() => import('virtual:gloss/fact-base').then((m) => m.default)}
    loadFuzzy={() =>
      import('../../utils/search-fuzzy').then((m) => m.createFuzzyLookup(searchIndex))
    }
    params={params}
    root={document.documentElement}
  />,
  document.getElementById('app') as HTMLElement,
);
