// Virtual modules served by the `gloss-data` plugin in wxt.config.ts, built from data/ at build time.

declare module 'virtual:gloss/matcher-index' {
  const index: import('../components/shared/matcher-index').MatcherIndex;
  export default index;
}

declare module 'virtual:gloss/search-index' {
  const search: import('../components/search/search-index').SearchIndex;
  export default search;
}

/** True only in benchmark builds (GLOSS_BENCH=1, wxt.config.ts): see entrypoints/gloss.ts. */
declare const __GLOSS_BENCH__: boolean;
