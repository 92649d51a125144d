import { describe, expect, test } from 'vitest';
import {
  loadCardUi,
  registerCardUi,
  type CardUi,
  type CardUiDeps,
  type CreateCardUi,
} from '../../../components/page/card-ui-contract';
import { LazyCardUi } from '../../../components/page/lazy-card-ui';
import type { Occurrence } from '../../../components/page/occurrence-store';

const occurrence = (term: number): Occurrence =>
  ({ node: {} as Text, start: 0, end: 5, term, painted: false, range: null }) as Occurrence;

/** A card UI that records the calls it gets. */
function recordingUi(calls: string[]): CreateCardUi {
  return () => {
    let open = false;
    const ui: CardUi = {
      hover: {
        enter: (o) => calls.push(`enter ${o.term}`),
        intent: (o, x, y) => {
          open = true;
          calls.push(`intent ${o.term} at ${x},${y}`);
        },
        leave: (o) => calls.push(`leave ${o.term}`),
      },
      get isOpen() {
        return open;
      },
      marksChanged: () => calls.push('marks'),
      refreshBookmarks: async () => void calls.push('bookmarks'),
      nextTerm: () => (calls.push('next'), true),
      selection: (text, action) => (calls.push(`selection ${action} ${text}`), true),
      destroy: () => calls.push('destroy'),
    };
    return ui;
  };
}

/** A load the test resolves or rejects by hand. */
function manualLoad(create: CreateCardUi) {
  let loads = 0;
  let settle: ((ok: boolean) => void) | null = null;
  const load = () => {
    loads++;
    return new Promise<CreateCardUi>((resolve, reject) => {
      settle = (ok) => (ok ? resolve(create) : reject(new Error('gone')));
    });
  };
  return {
    load,
    get loads() {
      return loads;
    },
    finish: async (ok = true) => {
      settle?.(ok);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const deps = {} as CardUiDeps;

describe('LazyCardUi', () => {
  test('a page nobody points at never loads the card UI', () => {
    const loader = manualLoad(recordingUi([]));
    const lazy = new LazyCardUi(loader.load, deps);
    lazy.marksChanged();
    lazy.refreshBookmarks();
    expect(loader.loads).toBe(0);
    expect(lazy.isOpen).toBe(false);
  });

  test('the first hover loads it once; an intent that came meanwhile opens the card', async () => {
    const calls: string[] = [];
    const loader = manualLoad(recordingUi(calls));
    const lazy = new LazyCardUi(loader.load, deps);
    const o = occurrence(3);
    lazy.hover.enter(o);
    lazy.hover.intent(o, 10, 20);
    lazy.hover.leave(o);
    lazy.hover.enter(o);
    lazy.hover.intent(o, 10, 20);
    expect(loader.loads).toBe(1);
    await loader.finish();
    expect(calls).toEqual(['enter 3', 'intent 3 at 10,20']);
    expect(lazy.isOpen).toBe(true);
    // From now on calls go straight through.
    lazy.hover.leave(o);
    expect(calls.at(-1)).toBe('leave 3');
  });

  test('a pointer that left before the UI arrived opens nothing', async () => {
    const calls: string[] = [];
    const loader = manualLoad(recordingUi(calls));
    const lazy = new LazyCardUi(loader.load, deps);
    const o = occurrence(1);
    lazy.hover.enter(o);
    lazy.hover.intent(o, 1, 1);
    lazy.hover.leave(o);
    await loader.finish();
    expect(calls).toEqual([]);
    expect(lazy.isOpen).toBe(false);
  });

  test('only the occurrence under the pointer now is replayed', async () => {
    const calls: string[] = [];
    const loader = manualLoad(recordingUi(calls));
    const lazy = new LazyCardUi(loader.load, deps);
    const a = occurrence(1);
    const b = occurrence(2);
    lazy.hover.enter(a);
    lazy.hover.intent(a, 1, 1);
    lazy.hover.leave(a);
    lazy.hover.enter(b);
    await loader.finish();
    expect(calls).toEqual(['enter 2']);
  });

  test('a failed load is retried on the next hover', async () => {
    const calls: string[] = [];
    const loader = manualLoad(recordingUi(calls));
    const lazy = new LazyCardUi(loader.load, deps);
    lazy.hover.enter(occurrence(1));
    await loader.finish(false);
    expect(calls).toEqual([]);
    lazy.hover.enter(occurrence(1));
    expect(loader.loads).toBe(2);
    await loader.finish(true);
    expect(calls).toEqual(['enter 1']);
  });

  test('the keyboard command loads the UI and opens the next term', async () => {
    const calls: string[] = [];
    const loader = manualLoad(recordingUi(calls));
    const lazy = new LazyCardUi(loader.load, deps);
    const next = lazy.nextTerm();
    await loader.finish();
    expect(await next).toBe(true);
    expect(calls).toEqual(['next']);
  });

  test('destroyed before the UI arrived: it is never built', async () => {
    const calls: string[] = [];
    let built = 0;
    const loader = manualLoad((d) => (built++, recordingUi(calls)(d)));
    const lazy = new LazyCardUi(loader.load, deps);
    lazy.hover.enter(occurrence(1));
    lazy.destroy();
    await loader.finish();
    expect(built).toBe(0);
    expect(await lazy.nextTerm()).toBe(false);
  });
});

describe('loadCardUi', () => {
  test('imports the bundle once and returns the factory it registered', async () => {
    const scope = {};
    const factory = recordingUi([]);
    const imported: string[] = [];
    const load = async (url: string) => {
      imported.push(url);
      registerCardUi(factory, scope);
    };
    expect(await loadCardUi('x/gloss-card.js', load, scope)).toBe(factory);
    expect(await loadCardUi('x/gloss-card.js', load, scope)).toBe(factory);
    expect(imported).toEqual(['x/gloss-card.js']);
  });

  test('a bundle that loads but registers nothing is an error that names it', async () => {
    await expect(loadCardUi('x/other.js', async () => undefined, {})).rejects.toThrow(
      /x\/other\.js did not register/,
    );
  });
});
