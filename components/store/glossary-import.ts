/**
 * Glossaries people already keep, turned into a fact pack: a CSV of `term, aliases, note` (the
 * header row optional) or Anki's "Notes in Plain Text" export (tab-separated, `#key:value` header
 * lines, the front as the term and the back as its note). The result is an ordinary pack file,
 * so the import that follows checks it, shows it and stores it like any other.
 *
 * Problems point at the glossary's own lines, not at the pack made from it.
 */
import Papa from 'papaparse';
import type { PackProblem } from './pack-store';

/** The kinds of glossary file read here. */
export type GlossaryKind = 'csv' | 'anki';

/** Limits of the pack format (data/pack.schema.json), checked here to point at the right line. */
const LIMITS = { terms: 20000, name: 200, aliases: 50, summary: 4000 } as const;
const ALIAS_SPLIT = /\s*[;|]\s*/;

/** The kind of glossary `fileName` (and its first line) is, or null for a pack or anything else. */
export function glossaryKind(fileName: string, text: string): GlossaryKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv')) return 'anki';
  if (lower.endsWith('.txt'))
    return /^#separator:/m.test(text) || text.includes('\t') ? 'anki' : 'csv';
  return null;
}

/** `"My words (2026).csv"` → `my-words-2026`: a pack or term id (`fallback` when nothing is left). */
export function slugOf(text: string, fallback = 'glossary'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Anki fields may hold HTML: its text, with line breaks kept as spaces. */
function plain(field: string): string {
  return field
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Row {
  line: number;
  cells: string[];
}

/** Rows with their 1-based line numbers; Anki's `#key:value` header lines are skipped. */
function readRows(text: string, kind: GlossaryKind): { rows: Row[]; problems: PackProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  // Blanked rather than cut, so every offset (and line number) stays that of the file.
  const body =
    kind === 'anki' ? source.replace(/^#[a-z ]+:.*$/gim, (l) => ' '.repeat(l.length)) : source;
  const rows: Row[] = [];
  const problems: PackProblem[] = [];
  // Line starts, to turn Papa's cursor (the offset after each row) into the row's first line.
  const starts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter: kind === 'anki' ? '\t' : '',
    skipEmptyLines: 'greedy',
    step(result) {
      // Leading blank lines belong to no row: the row starts at its first non-space character.
      const at = body.slice(rowStart).search(/\S/);
      const line = lineOf(at === -1 ? rowStart : rowStart + at);
      rowStart = result.meta.cursor;
      for (const e of result.errors) {
        // A one-column file has no delimiter to find; Papa's default (a comma) is right.
        if (e.code === 'UndetectableDelimiter') continue;
        if (problems.length < 12) {
          const what = kind === 'anki' ? 'Anki export' : 'CSV';
          problems.push({ line, column: 1, message: `Not a readable ${what} row: ${e.message}.` });
        }
      }
      rows.push({ line, cells: result.data });
    },
  });
  return { rows, problems };
}

/** A glossary turned into a pack: its JSON text (for the ordinary import), or its problems. */
export type GlossaryResult =
  { ok: true; text: string; terms: number } | { ok: false; problems: PackProblem[] };

/**
 * Turns a glossary file into a pack named after the file. Its version is the import time, so
 * importing the same file again after editing it replaces the earlier import (after the diff).
 */
export function glossaryToPack(
  fileName: string,
  text: string,
  kind: GlossaryKind,
  now: Date,
): GlossaryResult {
  const { rows, problems } = readRows(text, kind);
  if (problems.length > 0) return { ok: false, problems };
  const header = rows[0]?.cells[0]?.trim().toLowerCase();
  const body = kind === 'csv' && (header === 'term' || header === 'name') ? rows.slice(1) : rows;
  if (body.length === 0) {
    return { ok: false, problems: [{ line: 1, column: 1, message: 'The file has no terms.' }] };
  }
  if (body.length > LIMITS.terms) {
    const message = `The file has ${body.length} terms; a pack may have at most ${LIMITS.terms}.`;
    return { ok: false, problems: [{ line: 1, column: 1, message }] };
  }
  const date = now.toISOString().slice(0, 10);
  const ids = new Set<string>();
  const terms = [];
  const bad: PackProblem[] = [];
  for (const { line, cells } of body) {
    const field = (i: number) =>
      kind === 'anki' ? plain(cells[i] ?? '') : (cells[i] ?? '').trim();
    const name = field(0);
    const aliases = kind === 'csv' ? field(1).split(ALIAS_SPLIT).filter(Boolean) : [];
    const note = field(kind === 'csv' ? 2 : 1);
    const fail = (message: string) => bad.push({ line, column: 1, message });
    if (!name) fail('The term (first column) is empty.');
    else if (name.length > LIMITS.name) fail(`The term is longer than ${LIMITS.name} characters.`);
    else if (aliases.length + 1 > LIMITS.aliases) fail(`More than ${LIMITS.aliases} aliases.`);
    else if (aliases.some((a) => a.length > LIMITS.name)) {
      fail(`An alias is longer than ${LIMITS.name} characters.`);
    } else if (note.length > LIMITS.summary) {
      fail(`The note is longer than ${LIMITS.summary} characters.`);
    }
    if (bad.length >= 12) break;
    if (!name) continue;
    let id = slugOf(name);
    for (let n = 2; ids.has(id); n++) id = `${slugOf(name)}-${n}`;
    ids.add(id);
    const spellings = [...new Set([name, ...aliases])];
    terms.push({
      id,
      name,
      aliases: spellings,
      caseSensitive: false,
      // Glossaries capitalise each entry ("Repo rate"): only a capital after the first letter
      // ("Narendra Modi", "CAD") says the term is a name, matched capitalised or in capitals.
      ...(spellings.some((a) => /\p{Lu}/u.test(a.slice(1))) ? {} : { anyCase: true }),
      expansion: name,
      summary: note || `A term from ${fileName}.`,
      facts: [],
    });
  }
  if (bad.length > 0) return { ok: false, problems: bad };
  const stamp = now.toISOString().replace(/\D/g, '');
  const pack = {
    format: 'gloss-pack/1',
    id: slugOf(fileName.replace(/\.[a-z]+$/i, '')),
    title: fileName.slice(0, 120),
    version: `1.${stamp.slice(0, 8)}.${Number(stamp.slice(8, 14))}`,
    language: 'en',
    licence: 'Your own glossary',
    description: `Imported from ${kind === 'anki' ? 'an Anki export' : 'a CSV file'} on ${date}.`,
    sources: [
      {
        id: 'glossary',
        short: fileName.slice(0, 32),
        title: fileName.slice(0, 500),
        publisher: 'Your glossary',
        author: null,
        published: date,
        kind: kind === 'anki' ? 'Anki export' : 'CSV glossary',
      },
    ],
    terms,
  };
  return { ok: true, text: JSON.stringify(pack, null, 2), terms: terms.length };
}
