import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherIndex from 'virtual:gloss/matcher-index';
import { compileMatcher } from '../../utils/matcher';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'manifest',
  main() {
    const matcher = compileMatcher(matcherIndex);
    document.documentElement.dataset.glossProbe = String(matcher.termIds.length);
  },
});
