/**
 * Validates the raw fact-base files and joins them into one sorted list. Pure: the build passes
 * the parsed JSON of `data/`, tests pass fixtures, so a broken term fails the build with the file
 * and term named instead of surfacing in a reader's card.
 */
import { sourceFileSchema, termFileSchema, type Source, type Term } from './schema';

/** The whole fact base: terms sorted by id and sources by id. */
export interface FactBase {
  terms: Term[];
  sources: Source[];
}

/** Parses `files` (file name to parsed JSON) and `sources`; throws with the file and path on error. */
export function parseFactBase(files: Record<string, unknown>, sources: unknown): FactBase {
  const terms: Term[] = [];
  for (const [name, json] of Object.entries(files)) {
    const parsed = termFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`data/terms/${name}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    terms.push(...parsed.data);
  }
  const parsedSources = sourceFileSchema.safeParse(sources);
  if (!parsedSources.success) {
    const issue = parsedSources.error.issues[0];
    throw new Error(`data/sources.json: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  terms.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { terms, sources: parsedSources.data };
}
