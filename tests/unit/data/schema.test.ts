/**
 * The fact base's files: they parse with the schema, sit in the right category file, are written
 * in canonical form and, together, reach the size the release needs.
 */
import { describe, expect, test } from 'vitest';
import { sourceFileSchema, termFileSchema } from '../../../data/schema';
import { allTerms, canonical, loadSources, loadSourcesRaw, loadTermFiles } from './load';

const files = loadTermFiles();

/** Where in a term file a schema issue is, named by term (and fact) id when possible. */
function where(json: unknown, issuePath: PropertyKey[]): string {
  const [index, , factIndex] = issuePath;
  const term = Array.isArray(json) && typeof index === 'number' ? json[index] : undefined;
  const termId = (term as { id?: string } | undefined)?.id ?? `#${String(index)}`;
  const fact =
    issuePath[1] === 'facts' && typeof factIndex === 'number'
      ? (term as { facts?: { id?: string }[] }).facts?.[factIndex]?.id
      : undefined;
  return `term ${termId}${fact ? ` fact ${fact}` : ''} at ${issuePath.join('.')}`;
}

describe('term files', () => {
  test('there is at least one term file', () => {
    expect(files.length, 'no data/terms/*.json found').toBeGreaterThan(0);
  });

  test('every term file is valid JSON and matches the schema', () => {
    const problems: string[] = [];
    for (const f of files) {
      if (f.parseError) {
        problems.push(`${f.name}: not valid JSON (${f.parseError})`);
        continue;
      }
      const result = termFileSchema.safeParse(f.json);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push(`${f.name}: ${where(f.json, issue.path)}: ${issue.message}`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test("every term's category is the one its file is named after", () => {
    const problems = allTerms(files)
      .filter((t) => `${t.category}.json` !== t.file)
      .map((t) => `${t.file}: term ${t.id} has category "${t.category}"`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('every term file is in canonical form (JSON.stringify(data, null, 2) + newline)', () => {
    const problems = files
      .filter((f) => !f.parseError && f.raw !== canonical(f.json))
      .map(
        (f) => `${f.name} is not canonical; rewrite it with JSON.stringify(data, null, 2) + "\\n"`,
      );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('every term file is sorted by term id', () => {
    const problems: string[] = [];
    for (const f of files) {
      if (!Array.isArray(f.json)) continue;
      const ids = (f.json as { id: string }[]).map((t) => t.id);
      const sorted = [...ids].sort();
      const at = ids.findIndex((id, i) => id !== sorted[i]);
      if (at >= 0)
        problems.push(`${f.name}: term ${ids[at]} is out of order (expected ${sorted[at]})`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('sources.json', () => {
  test('matches the schema', () => {
    const result = sourceFileSchema.safeParse(JSON.parse(loadSourcesRaw()));
    const problems = result.success
      ? []
      : result.error.issues.map((i) => `sources.json at ${i.path.join('.')}: ${i.message}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('is canonical, sorted by id and has unique ids', () => {
    const raw = loadSourcesRaw();
    expect(raw === canonical(JSON.parse(raw)), 'data/sources.json is not canonical').toBe(true);
    const ids = loadSources().map((s) => s.id);
    expect(ids, 'data/sources.json is not sorted by id').toEqual([...ids].sort());
    expect(new Set(ids).size, 'data/sources.json has duplicate ids').toBe(ids.length);
  });
});

describe('size', () => {
  const terms = allTerms(files);
  const facts = terms.reduce((n, t) => n + (t.facts?.length ?? 0), 0);

  test('the fact base has at least 50 terms', () => {
    expect(
      terms.length,
      `only ${terms.length} terms across ${files.length} files`,
    ).toBeGreaterThanOrEqual(50);
  });

  test('the fact base has at least 180 facts', () => {
    expect(facts, `only ${facts} facts across ${terms.length} terms`).toBeGreaterThanOrEqual(180);
  });
});
