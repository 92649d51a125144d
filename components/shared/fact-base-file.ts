/**
 * The fact base ships once, as the packaged file `fact-base.json` (written by the build from
 * `data/`), and the background and the popup both read it from there. Bundled into each of them,
 * it was carried twice (about 110 kB each, measured 2026-12-05). Reading a packaged file is not a
 * network request: it never leaves the browser.
 */
import type { FactBase } from '../../data/fact-base';

/**
 * Where the build puts the fact base: an absolute path, so the background and the popup, both
 * served from the extension's origin, read it with a plain `fetch(FACT_BASE_FILE)`.
 */
export const FACT_BASE_FILE = '/fact-base.json';

/** The part of `fetch` this needs (tests pass a fake). */
export type FetchLike = (
  url: string,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/**
 * Reads the packaged fact base at `url` (`FACT_BASE_FILE`). The build validated
 * it against the schema; this checks only its shape, so a damaged package fails with a clear
 * error instead of a card that quietly shows nothing.
 */
export async function fetchFactBase(url: string, fetchImpl: FetchLike): Promise<FactBase> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`The fact base could not be read (${response.status}).`);
  const base = (await response.json()) as Partial<FactBase> | null;
  if (!base || !Array.isArray(base.terms) || !Array.isArray(base.sources)) {
    throw new Error('The fact base in this copy of Gloss is damaged: reinstall Gloss.');
  }
  return base as FactBase;
}
