/**
 * The card UI as one object: the popover that owns the card's shadow root, and the controller
 * that decides what it shows. Built by the card bundle (entrypoints/gloss-card.ts) on demand.
 */
import cardCss from './card.css?inline';
import { CardController } from './card-controller';
import { CardPopover } from './card-popover';
import { SelectionController } from './selection-controller';
import type { CardUi, CardUiDeps } from '../page/card-ui-contract';

/** Builds the card UI for one page session. */
export function createCardUi(deps: CardUiDeps): CardUi {
  const popover: CardPopover = new CardPopover(deps.doc, cardCss, {
    enter: () => controller.popoverEvents.enter(),
    leave: () => controller.popoverEvents.leave(),
  });
  const controller = new CardController({ ...deps, popover });
  const selection = new SelectionController(deps, controller);
  return {
    hover: controller.hover,
    get isOpen() {
      return popover.isOpen;
    },
    marksChanged: () => controller.marksChanged(),
    refreshBookmarks: () => controller.refreshBookmarks(),
    nextTerm: () => controller.nextTerm(),
    selection: (text, action) => selection.open(text, action),
    destroy() {
      controller.destroy();
      popover.destroy();
    },
  };
}
