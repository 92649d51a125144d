// The options page: the settings, outside the popup. Wiring only (components/popup/OptionsPage).
import { render } from 'preact';
import { browser } from '@wxt-dev/browser';
import { OptionsPage } from '../../components/popup/OptionsPage';
import { createPopupApi } from '../../components/popup/popup-api';
import '../../components/popup/options-page.css';

render(
  <OptionsPage api={createPopupApi(browser, location.search)} root={document.documentElement} />,
  document.getElementById('app') as HTMLElement,
);
