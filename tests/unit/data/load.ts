/**
 * Shared helpers for the fact-base checks in this folder: loading `data/` and the source articles,
 * and the text utilities the grounding and no-copying checks use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact, Source, Term } from '../../../data/schema';

/** The repository root, resolved from this file so the tests run from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const termsDir = path.join(repoRoot, 'data', 'terms');
export const sourcesFile = path.join(repoRoot, 'data', 'sources.json');
/** The captured articles live beside the repository, in `../shared/sources`. */
export const articlesDir = path.resolve(repoRoot, '..', 'shared', 'sources');

export interface TermFile {
  /** File name, e.g. `defence.json`. */
  name: string;
  /** The category the file name stands for, e.g. `defence`. */
  category: string;
  /** The file's text exactly as on disk. */
  raw: string;
  /** The parsed JSON, or undefined if it did not parse (see `parseError`). */
  json: unknown;
  parseError?: string;
}

export function loadTermFiles(): TermFile[] {
  return readdirSync(termsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(termsDir, name), 'utf8');
      const category = name.replace(/\.json$/, '');
      try {
        return { name, category, raw, json: JSON.parse(raw) as unknown };
      } catch (e) {
        return { name, category, raw, json: undefined, parseError: String(e) };
      }
    });
}

/** Every term of every file, unvalidated but shaped as the schema says (the schema test guards). */
export function allTerms(files = loadTermFiles()): (Term & { file: string })[] {
  return files.flatMap((f) =>
    Array.isArray(f.json) ? (f.json as Term[]).map((t) => ({ ...t, file: f.name })) : [],
  );
}

export function loadSourcesRaw(): string {
  return readFileSync(sourcesFile, 'utf8');
}

export function loadSources(): Source[] {
  return JSON.parse(loadSourcesRaw()) as Source[];
}

/** The canonical text of a data file: what `JSON.stringify(data, null, 2)` prints plus a newline. */
export function canonical(json: unknown): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Every source id a fact cites, its values' sources included. */
export function factSourceIds(fact: Fact): string[] {
  return [...fact.sources, ...(fact.values ?? []).flatMap((v) => v.sources)];
}

/** Aliases are compared ignoring case and the separators the matcher treats as equivalent. */
export function normaliseAlias(alias: string): string {
  return alias.toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Source articles
// ---------------------------------------------------------------------------------------------

export const articlesPresent = existsSync(path.join(articlesDir, 'sources.json'));

/** Source id -> article text, read through the manifest in the articles folder. */
export function loadArticles(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(articlesDir, 'sources.json'), 'utf8')) as {
    sources: { id: string; file: string }[];
  };
  return new Map(
    manifest.sources.map((s) => [s.id, readFileSync(path.join(articlesDir, s.file), 'utf8')]),
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const MULTIPLIERS: Record<string, number> = {
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
};
const WORD = Object.keys(WORD_NUMBERS).join('|');
const UNIT = Object.keys(MULTIPLIERS).join('|');
const SCALED = new RegExp(`\\b(\\d+(?:\\.\\d+)?|${WORD})\\s*-?\\s*(${UNIT})\\b`, 'gi');
const NUMBER = /\d+(?:\.\d+)?/g;
/** "2+2" and "2 + 2" name the dialogue format; they are not figures. */
const TWO_PLUS_TWO = /\b2\s*\+\s*2\b/g;
/**
 * Model names and similar: a capitalised word joined to digits, e.g. "S-400", "AK203", "Su-30",
 * "G20". Lower-case words ("mid-2021") are not designations, so their figures are checked.
 */
const DESIGNATION = /\b[A-Z][A-Za-z]*[-\u2013]?\d+[A-Za-z\d]*\b/g;

/** A number as a comparable string: 5 and 5.0 are the same, float noise is rounded away. */
export function numberKey(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** Removes thousands separators ("100,000" -> "100000") but leaves lists ("2008, 2012") alone. */
function dropThousandsCommas(text: string): string {
  return text.replace(/(\d),(?=\d{3}\b)/g, '$1');
}

/**
 * Every figure a source supports: each number as written, and each "N lakh/crore/million/billion"
 * (digits or a number word) scaled out, so "six lakh" supports 600,000 and "$30 bn" supports 30.
 */
export function sourceNumbers(text: string): Set<string> {
  const plain = dropThousandsCommas(text);
  const found = new Set<string>();
  for (const m of plain.matchAll(NUMBER)) found.add(numberKey(Number(m[0])));
  for (const m of plain.matchAll(SCALED)) {
    const base = WORD_NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
    found.add(numberKey(base));
    found.add(numberKey(base * MULTIPLIERS[m[2]!.toLowerCase()]!));
  }
  return found;
}

export interface FactNumber {
  /** The figure as printed, e.g. "8.1" or "600,000". */
  raw: string;
  /** Acceptable readings: the number itself and, if a unit follows, the scaled number. */
  keys: string[];
}

/** The figures a statement makes, with "2+2" and designations (see `designations`) left out. */
export function factNumbers(text: string): FactNumber[] {
  const rest = dropThousandsCommas(text.replace(TWO_PLUS_TWO, ' ').replace(DESIGNATION, ' '));
  const out: FactNumber[] = [];
  const scaled = new RegExp(`^\\s*-?\\s*(${UNIT})\\b`, 'i');
  for (const m of rest.matchAll(NUMBER)) {
    const n = Number(m[0]);
    const keys = [numberKey(n)];
    const unit = scaled.exec(rest.slice(m.index + m[0].length));
    if (unit) keys.push(numberKey(n * MULTIPLIERS[unit[1]!.toLowerCase()]!));
    out.push({ raw: m[0], keys });
  }
  return out;
}

/** Designations in a statement ("S-400", "Su-30"), compared without case or separators. */
export function designations(text: string): string[] {
  return [...text.replace(TWO_PLUS_TWO, ' ').matchAll(DESIGNATION)].map((m) => m[0]);
}

/** Whether a designation is printed in a source, in any spelling ("AK-203" ~ "AK203"), plural too. */
export function sourceHasDesignation(source: string, designation: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, '');
  const hay = squash(source);
  const d = squash(designation);
  return hay.includes(d) || (d.endsWith('s') && hay.includes(d.slice(0, -1)));
}

/** The four-digit years in a fact's `date` ("2008/2012" -> ["2008", "2012"]). */
export function dateYears(date: string): string[] {
  return date.match(/\d{4}/g) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Copying
// ---------------------------------------------------------------------------------------------

/** The run length that counts as copying. */
export const COPY_RUN = 8;

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Every run of `COPY_RUN` consecutive words in the texts. */
export function wordRuns(texts: Iterable<string>, n = COPY_RUN): Set<string> {
  const runs = new Set<string>();
  for (const text of texts) {
    const w = words(text);
    for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  }
  return runs;
}

/** The first run of `COPY_RUN` words of `text` that is in `runs`, if any. */
export function firstCopiedRun(text: string, runs: Set<string>, n = COPY_RUN): string | undefined {
  const w = words(text);
  for (let i = 0; i + n <= w.length; i++) {
    const run = w.slice(i, i + n).join(' ');
    if (runs.has(run)) return run;
  }
  return undefined;
}
