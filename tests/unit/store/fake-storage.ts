/**
 * An in-memory stand-in for `browser.storage.local` for the bookmark tests: values are copied in
 * and out (as the real API serialises them), every call can take a seeded random delay so
 * interleavings happen, and a quota makes `set` fail the way a full browser storage does.
 */
import type { StorageAreaLike } from '../../../components/store/settings';

export interface FakeStorage extends StorageAreaLike {
  /** The stored data (a copy). */
  dump(): Record<string, unknown>;
  /** How many `set` calls succeeded. */
  sets: number;
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeStorage(
  initial: Record<string, unknown> = {},
  options: { random?: () => number; quotaBytes?: number } = {},
): FakeStorage {
  let data: Record<string, unknown> = structuredClone(initial);
  const pause = async () => {
    const r = options.random?.() ?? 0;
    // Up to a few macrotask turns, so reads and writes of different callers interleave.
    for (let i = 0; i < Math.floor(r * 4); i++)
      await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const storage: FakeStorage = {
    sets: 0,
    async get(keys) {
      await pause();
      const wanted = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    async set(items) {
      await pause();
      const next = { ...data, ...structuredClone(items) };
      if (options.quotaBytes !== undefined && JSON.stringify(next).length > options.quotaBytes) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      data = next;
      storage.sets++;
    },
    dump: () => structuredClone(data),
  };
  return storage;
}
