import { render } from 'preact';
import { browser } from 'wxt/browser';
import factBase from 'virtual:gloss/fact-base';
import searchIndex from 'virtual:gloss/search-index';
import { Popup } from '../../components/popup/Popup';
import { createPopupApi } from '../../utils/popup-api';
import { createSearcher } from '../../utils/search-query';
import '../../components/popup/popup.css';
import '../../components/popup/popup-search.css';
import '../../components/popup/popup-term.css';
import '../../components/popup/popup-saved.css';
import '../../components/popup/popup-settings.css';

// The search index and the fact base are built at build time; loading them is a JSON.parse.
const params = new URLSearchParams(location.search);
render(
  <Popup
    api={createPopupApi(browser, location.search)}
    searcher={createSearcher(searchIndex)}
    factBase={factBase}
    params={params}
    root={document.documentElement}
  />,
  document.getElementById('app') as HTMLElement,
);
