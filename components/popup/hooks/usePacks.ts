/**
 * The fact packs as the options page shows them: the list (re-read whenever packs change in
 * storage), and an import that is checked first and confirmed by the reader before anything is
 * written. Every change goes to the background, the single writer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PopupApi } from '../popup-api';
import { downloadText } from './download';
import { glossaryKind, glossaryToPack } from '../../store/glossary-import';
import { MAX_PACK_BYTES, PACKS_KEY, describeProblems } from '../../store/pack-store';
import type { PackPreview, PackSummary } from '../../store/pack-writer';

/** A file checked and waiting for the reader's yes. */
export interface PendingImport {
  name: string;
  text: string;
  preview: Extract<PackPreview, { ok: true }>;
}

export interface PacksState {
  packs: PackSummary[];
  pending: PendingImport | null;
  /** Why the last file or change was refused, line by line. */
  problems: string[];
  /** What the last change did, for a status line. */
  status: string;
  busy: boolean;
  choose(file: File): void;
  confirm(): void;
  cancel(): void;
  setEnabled(id: string, enabled: boolean): void;
  remove(id: string): void;
  /** Downloads an imported pack as `<id>-<version>.json`. */
  exportPack(id: string): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Packs through `api`. */
export function usePacks(api: PopupApi): PacksState {
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const read = () =>
      void api.send('pack:list', {}).then(setPacks, (e: unknown) => setProblems([message(e)]));
    read();
    return api.watch([PACKS_KEY], read);
  }, [api]);

  const run = (task: Promise<unknown>, done: string) => {
    setBusy(true);
    setProblems([]);
    task
      .then(
        () => setStatus(done),
        (e: unknown) => setProblems([message(e)]),
      )
      .finally(() => setBusy(false));
  };

  return {
    packs,
    pending,
    problems,
    status,
    busy,
    choose(file) {
      setPending(null);
      setStatus('');
      // Checked before reading: a 50 MB file is never loaded into memory.
      if (file.size > MAX_PACK_BYTES) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        setProblems([
          `${file.name} is ${mb(file.size)} MB; a pack may be at most ${mb(MAX_PACK_BYTES)} MB.`,
        ]);
        return;
      }
      setBusy(true);
      setProblems([]);
      file
        .text()
        .then((raw) => {
          // A CSV or Anki glossary becomes a pack first; its problems name its own lines.
          const kind = glossaryKind(file.name, raw);
          const made = kind ? glossaryToPack(file.name, raw, kind, new Date()) : null;
          if (made && !made.ok) {
            setProblems([`${file.name} was not imported:`, ...describeProblems(made.problems)]);
            return;
          }
          const text = made ? made.text : raw;
          return api.send('pack:preview', { text }).then((preview) => {
            if (preview.ok) setPending({ name: file.name, text, preview });
            else setProblems([`${file.name} was not imported:`, ...preview.problems]);
          });
        })
        .catch((e: unknown) => setProblems([message(e)]))
        .finally(() => setBusy(false));
    },
    confirm() {
      if (!pending) return;
      const { text, preview } = pending;
      setPending(null);
      run(
        api.send('pack:import', { text }).then((outcome) => {
          if (!outcome.ok) throw new Error(outcome.problems.join(' '));
        }),
        `${preview.pack.title} ${preview.pack.version} imported: ${preview.pack.terms} terms.`,
      );
    },
    cancel() {
      setPending(null);
      setStatus('Nothing was imported.');
    },
    setEnabled(id, enabled) {
      const pack = packs.find((p) => p.id === id);
      // Shown at once (a controlled switch would spring back until the answer); the answer, or
      // the re-read after a refusal, puts the stored state back.
      setPacks(packs.map((p) => (p.id === id ? { ...p, enabled } : p)));
      run(
        api.send('pack:set-enabled', { id, enabled }).then(setPacks, (e: unknown) => {
          void api.send('pack:list', {}).then(setPacks);
          throw e;
        }),
        `${pack?.title ?? id} is ${enabled ? 'on' : 'off'}.`,
      );
    },
    exportPack(id) {
      const pack = packs.find((p) => p.id === id);
      run(
        api.send('pack:export', { id }).then((text) => {
          if (text === null) throw new Error('That pack is no longer stored.');
          const name = `${id}-${pack?.version ?? 'export'}.json`;
          downloadText(document, name, text, 'application/json');
        }),
        `${pack?.title ?? id} was saved as a file.`,
      );
    },
    remove(id) {
      const pack = packs.find((p) => p.id === id);
      run(api.send('pack:remove', { id }).then(setPacks), `${pack?.title ?? id} was removed.`);
    },
  };
}
