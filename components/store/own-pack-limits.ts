/**
 * The reader's own pack's id and limits, apart from its logic (own-pack.ts), so the card and the
 * options page can name them without bundling the pack checker.
 */

/** The id of the reader's own pack. A pack file with this id is read as the reader's terms. */
export const OWN_PACK_ID = 'my-terms';
/** Its title in the list of packs and on cards ("From the pack “My terms”"). */
export const OWN_PACK_TITLE = 'My terms';

/** How long things may be (all within the pack schema's own limits). */
export const OWN_LIMITS = {
  /** A selected text, or an alias. */
  name: 100,
  note: 1000,
  aliases: 20,
  terms: 1000,
  title: 300,
  url: 2000,
} as const;
