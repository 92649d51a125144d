/**
 * The imported packs as stored, read straight from storage once the popup has painted (a large
 * pack is megabytes) and again whenever they change: the popup's search, term pages and saved
 * facts cover every pack. Read only; the background writes packs.
 */
import { useEffect, useState } from 'preact/hooks';
import { PACKS_KEY, emptyPackRecord, type PackRecord } from '../../store/pack-store';
import type { PopupApi } from '../popup-api';

/** The stored packs; null until the first read. A failed read counts as no imported packs. */
export function usePackRecord(api: PopupApi): PackRecord | null {
  const [record, setRecord] = useState<PackRecord | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void api.readPacks().then(
        (next) => live && setRecord(next),
        () => live && setRecord(emptyPackRecord()),
      );
    read();
    const stop = api.watch([PACKS_KEY], read);
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return record;
}
