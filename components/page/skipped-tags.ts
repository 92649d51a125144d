/**
 * Elements whose text Gloss never marks, in a module of their own: the page walk skips them, and
 * the content script's frame gate (frame-gate.ts) reads them without pulling in the rest of the
 * walk's module, whose tables would be built on every page in every frame.
 */

/** Elements whose text is never marked. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);
