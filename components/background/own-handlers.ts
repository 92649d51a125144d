/**
 * The answers about the reader's own terms and the selection look-up. Every own-term change is
 * checked here, in the background (the card and the options page send what a page gave them),
 * then written through the pack writer, which rebuilds the index that open tabs re-mark from.
 */
import type { Handlers } from '../shared/messaging';
import {
  OWN_PACK_ID,
  addOwnTerm,
  editOwnTerm,
  ownTermsOf,
  removeOwnTerm,
  type OwnTerm,
  type OwnTermAdded,
} from '../store/own-pack';
import type { Pack } from '../store/pack-store';
import type { PackWriter } from '../store/pack-writer';
import { createLookup } from './selection-lookup';

/** The own-term and look-up handlers over `packs`. */
export function createOwnHandlers(deps: {
  packs: PackWriter;
  /** The pack built into Gloss (read lazily: most wake-ups never need it). */
  bundled: () => Promise<Pack>;
  now?: () => Date;
}): Handlers {
  const now = deps.now ?? (() => new Date());
  const { packs } = deps;
  const packsOn = async (): Promise<Pack[]> => {
    const list = await packs.list();
    const out: Pack[] = [];
    for (const summary of list) {
      if (!summary.enabled) continue;
      if (summary.bundled) out.push(await deps.bundled());
      else {
        const entry = await packs.stored(summary.id);
        if (entry) out.push(entry.pack);
      }
    }
    return out;
  };
  const bundledId = async () => (await deps.bundled()).id;
  let lookup: ReturnType<typeof createLookup> | null = null;

  const ownTerms = async (): Promise<OwnTerm[]> =>
    ownTermsOf((await packs.stored(OWN_PACK_ID))?.pack ?? null);

  return {
    'selection:lookup': async ({ text }) => {
      lookup ??= createLookup(packsOn, await bundledId());
      return lookup(text);
    },
    'own:add': async (request) => {
      let result: OwnTermAdded | null = null;
      await packs.change((record) => {
        const entry = record.items.find((p) => p.pack.id === OWN_PACK_ID);
        const out = addOwnTerm(entry?.pack ?? null, request, now());
        result = out.result;
        if (!out.result.added) return false;
        if (entry) entry.pack = out.pack;
        else record.items.push({ pack: out.pack, enabled: true, importedAt: now().toISOString() });
      });
      if (!result) throw new Error('The term was not added.');
      return result;
    },
    'own:list': () => ownTerms(),
    'own:edit': async (request) => {
      await packs.change((record) => {
        const entry = record.items.find((p) => p.pack.id === OWN_PACK_ID);
        if (!entry) throw new Error('You have no own terms yet.');
        entry.pack = editOwnTerm(entry.pack, request, now());
      });
      return ownTerms();
    },
    'own:remove': async ({ id }) => {
      await packs.change((record) => {
        const entry = record.items.find((p) => p.pack.id === OWN_PACK_ID);
        if (!entry) throw new Error('You have no own terms yet.');
        const next = removeOwnTerm(entry.pack, id);
        if (next) entry.pack = next;
        else record.items = record.items.filter((p) => p !== entry);
      });
      return ownTerms();
    },
  };
}
