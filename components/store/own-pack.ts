/**
 * The reader's own terms: text selected on pages, kept as an ordinary fact pack (`gloss-pack/1`,
 * the id `my-terms`), so it is listed, switched, exported and imported like any other pack, and
 * the pack writer rebuilds the page index when it changes. Pure: each change takes the stored
 * pack and returns the next one, checked against the pack schema, or throws a reader's message.
 *
 * Layout of one own term in the pack (what `ownTermsOf` reads back):
 * - its name is the selected text, and its aliases the spellings marked on pages;
 * - fact `seen` says where it was added and cites that page as a source (title, address);
 * - fact `note`, present when the reader wrote one, is the note, citing the same page.
 *
 * Everything here comes from web pages and is hostile: strings are cut to the limits below,
 * addresses other than http(s) are dropped, and the card and the options page render text only.
 */
import type { PackTerm, Source } from '../../data/schema';
import { aliasVariants } from '../shared/matcher-index';
import { describeProblems, parsePackText } from './pack-format';
import type { Pack } from './pack-store';
import type { PageRef } from './bookmark-store';

import { OWN_LIMITS, OWN_PACK_ID, OWN_PACK_TITLE } from './own-pack-limits';
import { slugOf } from './glossary-import';

export { OWN_LIMITS, OWN_PACK_ID, OWN_PACK_TITLE };

/** One own term as the options page edits it. */
export interface OwnTerm {
  /** Its id in the pack; `my-terms~<id>` elsewhere in Gloss. */
  id: string;
  name: string;
  aliases: string[];
  /** The reader's note ('' when none). */
  note: string;
  /** The page it was added from, when known. */
  page: PageRef | null;
  /** When it was added, YYYY-MM-DD. */
  added: string;
}

/** What adding a selected text did: a new term, or the own term that already has that spelling. */
export interface OwnTermAdded {
  added: boolean;
  term: OwnTerm;
}

/** Reader input for a new term: the selected text, a note, and the page. */
export interface OwnTermInput {
  text: unknown;
  note?: unknown;
  page?: unknown;
}

/** A reader-facing refusal (the card and the options page show its message). */
export class OwnTermError extends Error {
  override name = 'OwnTermError';
}

/** Collapses white space, drops invisible characters and trims. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu, '')
    .trim();
}

/** A selected text or an alias, cleaned and checked; throws `OwnTermError` when unusable. */
export function cleanSpelling(value: unknown): string {
  if (typeof value !== 'string') throw new OwnTermError('The selection is not text.');
  const text = tidy(value.slice(0, OWN_LIMITS.name * 4));
  if (!text) throw new OwnTermError('Select a word or a name first.');
  if (text.length > OWN_LIMITS.name)
    throw new OwnTermError(
      `Select at most ${OWN_LIMITS.name} characters (this is ${text.length}).`,
    );
  if (aliasVariants(text).length === 0)
    throw new OwnTermError('The selection has no letters or digits.');
  return text;
}

/** The reader's note, cleaned ('' for none); throws when it is too long or not text. */
export function cleanNote(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new OwnTermError('The note is not text.');
  const note = value
    .normalize('NFC')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim();
  if (note.length > OWN_LIMITS.note)
    throw new OwnTermError(`A note may have at most ${OWN_LIMITS.note} characters.`);
  return note;
}

/** The page a term came from, or null: only http(s) addresses are kept; the title is cut. */
export function cleanPage(value: unknown): PageRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const { title, url } = value as { title?: unknown; url?: unknown };
  if (typeof url !== 'string' || url.length > OWN_LIMITS.url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const text = typeof title === 'string' ? tidy(title).slice(0, OWN_LIMITS.title) : '';
  return { title: text || parsed.hostname, url: parsed.href };
}

/** `"S-500 Prometheus"` → `s-500-prometheus`: a term id (`term` when nothing is left). */
const slug = (text: string): string => slugOf(text, 'term');

/** The keys an alias is matched by (case and joined spellings aside), to spot repeats. */
function keysOf(alias: string): string[] {
  return aliasVariants(alias).map((tokens) => tokens.join(' ').toLowerCase());
}

/** The reader's own pack with no terms yet (it is stored only once it has one). */
function emptyOwnPack(): Pack {
  return {
    format: 'gloss-pack/1',
    id: OWN_PACK_ID,
    title: OWN_PACK_TITLE,
    version: '1.0.0',
    language: 'en',
    licence: 'Your own notes',
    description: 'Terms you added from pages with Gloss.',
    sources: [],
    terms: [],
  };
}

/** The next patch version: every change is a newer edition, so a later export replaces an older. */
function bump(version: string): string {
  const [major = 1, minor = 0, patch = 0] = version.split('.').map((n) => Number(n) || 0);
  return `${major}.${minor}.${patch + 1}`;
}

/** Throws unless `pack` is a valid pack file: what is stored is always importable elsewhere. */
function checked(pack: Pack): Pack {
  const parsed = parsePackText(JSON.stringify(pack));
  if (!parsed.ok) throw new OwnTermError(describeProblems(parsed.problems).join(' '));
  return parsed.pack;
}

/** Glossary rule: a capital after the first letter ("Narendra Modi", "CAD") makes it a name. */
function caseOf(aliases: readonly string[]): Pick<PackTerm, 'caseSensitive' | 'anyCase'> {
  return aliases.some((a) => /\p{Lu}/u.test(a.slice(1)))
    ? { caseSensitive: false }
    : { caseSensitive: false, anyCase: true };
}

/** The source for `page` in `pack` (added when new), or the reader's own when there is no page. */
function sourceFor(pack: Pack, page: PageRef | null, date: string): Source {
  const found = pack.sources.find((s) =>
    page ? (s as Source & { url?: string }).url === page.url : s.id === 'reader',
  );
  if (found) return found;
  let n = pack.sources.length + 1;
  while (pack.sources.some((s) => s.id === `page-${n}`)) n++;
  const source: Source & { url?: string } = page
    ? {
        id: `page-${n}`,
        short: page.title.slice(0, 32),
        title: page.title,
        publisher: new URL(page.url).hostname,
        author: null,
        published: date,
        kind: 'web page',
        url: page.url,
      }
    : {
        id: 'reader',
        short: 'You',
        title: 'Your own note',
        publisher: 'You',
        author: null,
        published: date,
        kind: 'own note',
      };
  pack.sources.push(source);
  return source;
}

/** A deep copy, so a failed change leaves the stored pack as it was. */
const copy = (pack: Pack): Pack => structuredClone(pack);

/** Drops the sources no fact cites any more. */
function pruneSources(pack: Pack): void {
  const cited = new Set(pack.terms.flatMap((t) => t.facts.flatMap((f) => f.sources)));
  pack.sources = pack.sources.filter((s) => cited.has(s.id));
}

/** Sets (or, with '', removes) a term's note fact. */
function setNote(term: PackTerm, note: string, sourceId: string, date: string): void {
  const rest = term.facts.filter((f) => f.id !== 'note');
  term.facts = note
    ? [{ id: 'note', text: note, date, sources: [sourceId], key: true }, ...rest]
    : rest;
}

/** The own terms of `pack` (null: none yet), in the order they were added. */
export function ownTermsOf(pack: Pack | null): OwnTerm[] {
  if (!pack) return [];
  const sources = new Map(pack.sources.map((s) => [s.id, s as Source & { url?: string }]));
  return pack.terms.map((t) => {
    const seen = t.facts.find((f) => f.id === 'seen') ?? t.facts[0];
    const source = seen ? sources.get(seen.sources[0] ?? '') : undefined;
    return {
      id: t.id,
      name: t.name,
      aliases: [...t.aliases],
      note: t.facts.find((f) => f.id === 'note')?.text ?? '',
      page: source?.url ? { title: source.title, url: source.url } : null,
      added: seen?.date ?? '',
    };
  });
}

/**
 * Adds a selected text as a new own term with a note and its page. A text that is already a
 * spelling of an own term adds nothing and returns that term (`added: false`).
 */
export function addOwnTerm(
  stored: Pack | null,
  input: OwnTermInput,
  now: Date,
): { pack: Pack; result: OwnTermAdded } {
  const name = cleanSpelling(input.text);
  const note = cleanNote(input.note);
  const page = cleanPage(input.page);
  const pack = copy(stored ?? emptyOwnPack());
  const keys = new Set(keysOf(name));
  const existing = pack.terms.find((t) =>
    t.aliases.some((a) => keysOf(a).some((k) => keys.has(k))),
  );
  if (existing) {
    const term = ownTermsOf(pack).find((t) => t.id === existing.id) as OwnTerm;
    return { pack: stored ?? pack, result: { added: false, term } };
  }
  if (pack.terms.length >= OWN_LIMITS.terms)
    throw new OwnTermError(`You have ${OWN_LIMITS.terms} own terms, the most Gloss keeps.`);
  const date = now.toISOString().slice(0, 10);
  let id = slug(name);
  for (let n = 2; pack.terms.some((t) => t.id === id); n++) id = `${slug(name)}-${n}`;
  const source = sourceFor(pack, page, date);
  const term: PackTerm = {
    id,
    name,
    aliases: [name],
    ...caseOf([name]),
    expansion: name,
    summary: `Your own term, added on ${date}.`,
    facts: [
      {
        id: 'seen',
        text: page ? `Added from “${page.title}”.` : 'Added by you.',
        date,
        sources: [source.id],
      },
    ],
    related: [],
  };
  setNote(term, note, source.id, date);
  pack.terms.push(term);
  pack.version = stored ? bump(stored.version) : pack.version;
  const next = checked(pack);
  const added = ownTermsOf(next).find((t) => t.id === id) as OwnTerm;
  return { pack: next, result: { added: true, term: added } };
}

/** Changes an own term's note and aliases (at least one, each a spelling like a selection). */
export function editOwnTerm(
  stored: Pack,
  input: { id: unknown; note: unknown; aliases: unknown },
  now: Date,
): Pack {
  const pack = copy(stored);
  const term = pack.terms.find((t) => t.id === input.id);
  if (!term) throw new OwnTermError('That term is no longer in your terms.');
  if (!Array.isArray(input.aliases)) throw new OwnTermError('The spellings are not a list.');
  const aliases: string[] = [];
  const keys = new Set<string>();
  for (const raw of input.aliases.slice(0, OWN_LIMITS.aliases * 4)) {
    if (typeof raw === 'string' && !raw.trim()) continue;
    const alias = cleanSpelling(raw);
    const mine = keysOf(alias);
    if (mine.some((k) => keys.has(k))) continue;
    mine.forEach((k) => keys.add(k));
    aliases.push(alias);
  }
  if (aliases.length === 0) throw new OwnTermError('Keep at least one spelling to mark.');
  if (aliases.length > OWN_LIMITS.aliases)
    throw new OwnTermError(`A term may have at most ${OWN_LIMITS.aliases} spellings.`);
  term.aliases = aliases;
  delete term.anyCase;
  Object.assign(term, caseOf(aliases));
  const seen = term.facts.find((f) => f.id === 'seen') ?? term.facts[0];
  const date = seen?.date ?? now.toISOString().slice(0, 10);
  const sourceId = seen?.sources[0] ?? sourceFor(pack, null, date).id;
  setNote(term, cleanNote(input.note), sourceId, date);
  pack.version = bump(pack.version);
  return checked(pack);
}

/** Deletes an own term; null when it was the last (an empty pack is not kept). */
export function removeOwnTerm(stored: Pack, id: unknown): Pack | null {
  const pack = copy(stored);
  const before = pack.terms.length;
  pack.terms = pack.terms.filter((t) => t.id !== id);
  if (pack.terms.length === before) throw new OwnTermError('That term is no longer in your terms.');
  if (pack.terms.length === 0) return null;
  for (const t of pack.terms) t.related = t.related.filter((r) => r !== id);
  pruneSources(pack);
  pack.version = bump(pack.version);
  return checked(pack);
}
