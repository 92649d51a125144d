/**
 * The search over the bundled pack and every imported pack that is on. The bundled index is
 * built at build time and answers from the first paint; the imported packs' index is built
 * here once they have been read (after that paint), in slices that give the page back between
 * them, and again whenever packs change. Until it is ready the bundled searcher answers alone.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PackRecord } from '../../store/pack-store';
import type { CoreSearcher } from '../../search/search-core';

/** What this hook needs of `search/pack-search.ts`, loaded as its own chunk. */
export interface PackSearchModule {
  buildPackSearch: typeof import('../../search/pack-search').buildPackSearch;
  mergeSearchers: typeof import('../../search/pack-search').mergeSearchers;
}

/** Gives the event loop a turn (input, paint) before the next slice of indexing. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    // A message, not setTimeout: nested timeouts are clamped to 4 ms, dozens of times over.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `bundled`, or once built, one searcher over it and the packs of `record` that are on. */
export function usePackSearch(
  bundled: CoreSearcher,
  record: PackRecord | null,
  load: () => Promise<PackSearchModule>,
): CoreSearcher {
  const [merged, setMerged] = useState<CoreSearcher | null>(null);
  useEffect(() => {
    const on = record?.items.filter((p) => p.enabled).map((p) => p.pack) ?? [];
    if (on.length === 0) {
      setMerged(null);
      return;
    }
    let live = true;
    void load()
      .then(async (m) => {
        const built = await m.buildPackSearch(on, yieldToPage);
        if (live) setMerged(built ? m.mergeSearchers(bundled, built.searcher) : null);
      })
      // The bundled search goes on answering; imported packs stay unsearched until a change.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bundled, record]);
  return merged ?? bundled;
}
