/**
 * A value the popup does not need for its first paint (the fact base, the fuzzy search code),
 * loaded by a dynamic import once that paint is done: effects run after the frame, so opening the
 * popup never waits for these chunks to be fetched, parsed and run.
 */
import { useEffect, useState } from 'preact/hooks';

/** The result of `load()`, or null until it has resolved. `load` is called once. */
export function useLazy<T>(load: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((loaded) => {
      if (live) setValue(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}
