/**
 * The card UI bundle (Preact, Floating UI, the card's CSS), loaded by the content script with
 * `import()` the first time the reader points at a term, and evaluated in the content script's
 * isolated world. It only hands its factory over; see components/page/card-ui-contract.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardUi } from '../components/card/card-ui';
import { registerCardUi } from '../components/page/card-ui-contract';

export default defineUnlistedScript(() => registerCardUi(createCardUi));
