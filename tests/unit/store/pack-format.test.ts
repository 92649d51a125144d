import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  MAX_PACK_BYTES,
  describeProblems,
  parsePackText,
  type PackProblem,
} from '../../../components/store/pack-format';

const sampleText = readFileSync(
  new URL('../../fixtures/packs/sample-glossary.json', import.meta.url),
  'utf8',
);
const sample = () =>
  JSON.parse(sampleText) as Record<string, unknown> & { terms: Record<string, unknown>[] };

/** The problems of a pack given as an object (pretty-printed, as authors write them). */
function problemsOf(value: unknown): string[] {
  const parsed = parsePackText(JSON.stringify(value, null, 2));
  return parsed.ok ? [] : describeProblems(parsed.problems);
}

test('the sample pack reads whole, with related terms defaulted', () => {
  const parsed = parsePackText(sampleText);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.pack.terms.map((t) => t.id)).toEqual(['orion-corridor', 'vega-accord', 's-400']);
  expect(parsed.pack.terms[1]?.related).toEqual([]);
});

describe('refusals, each with its line', () => {
  test('broken JSON points at the place', () => {
    const text = '{\n  "format": "gloss-pack/1",\n  "id": "x",\n  "title": oops\n}';
    const parsed = parsePackText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ line: 4, column: 12 });
    expect(describeProblems(parsed.problems)[0]).toMatch(/^Line 4, column 12: Not valid JSON/);
  });

  test('an empty file', () => {
    expect(describeProblems((parsePackText('') as { problems: PackProblem[] }).problems)).toEqual([
      'Line 1, column 1: The file is empty.',
    ]);
  });

  test('a file over the size limit is refused before it is parsed', () => {
    const huge = ' '.repeat(MAX_PACK_BYTES + 1);
    const parsed = parsePackText(huge);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/at most 10\.0 MB/);
  });

  test('wrong format, bad id and version, a missing field, an unknown field', () => {
    const pack = sample();
    pack.format = 'gloss-pack/9';
    pack.id = 'Not An Id';
    pack.version = '1.0';
    delete pack.licence;
    (pack.terms[0] as Record<string, unknown>).colour = 'red';
    const problems = problemsOf(pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Line 2, column \d+: format must be "gloss-pack\/1"\.$/),
        expect.stringMatching(/id must be an id: lower-case letters/),
        expect.stringMatching(/version must be a version such as 1\.2\.0/),
        expect.stringMatching(/^Line 1, column 1: the pack needs "licence"\.$/),
        expect.stringMatching(/term "orion-corridor" unknown field "colour"/),
      ]),
    );
  });

  test('wrong types say what they are', () => {
    const pack = sample();
    (pack.terms[0] as Record<string, unknown>).caseSensitive = 'no';
    expect(problemsOf(pack)).toEqual([
      expect.stringMatching(/term "orion-corridor", caseSensitive is string, not boolean\.$/),
    ]);
  });

  test('what a schema cannot say: duplicates, missing sources, unknown related terms, bad rules', () => {
    const pack = sample();
    const [first, second] = pack.terms as Record<string, unknown>[];
    (second as Record<string, unknown>).id = 'orion-corridor';
    const facts = (first as { facts: Record<string, unknown>[] }).facts;
    facts.push({ ...facts[0], text: 'Another fact for the tests.' });
    (facts[0] as Record<string, unknown>).sources = ['nowhere'];
    (first as Record<string, unknown>).related = ['ghost'];
    (first as Record<string, unknown>).contextRules = [{ alias: 'OC7', onlyNear: ['freight'] }];
    (first as Record<string, unknown>).aliases = ['Orion Corridor', '--'];
    const problems = problemsOf(pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /terms\[1\], id repeats "orion-corridor"|term "orion-corridor", id repeats/,
        ),
        expect.stringMatching(
          /fact "length", sources\[0\] cites "nowhere", which is not in "sources"/,
        ),
        expect.stringMatching(/fact "length", id repeats "length"/),
        expect.stringMatching(/related\[0\] names "ghost", which is not a term of the pack/),
        expect.stringMatching(/contextRules\[0\], alias is not an alias of the term/),
        expect.stringMatching(/aliases\[1\] has no letters or digits/),
      ]),
    );
    // Each problem points into the file, not at its start.
    expect(problems.every((p) => !p.startsWith('Line 1,'))).toBe(true);
  });

  test('hostile strings are data: markup and prototype keys are kept as text or refused', () => {
    const pack = sample();
    (pack.terms[0] as Record<string, unknown>).name = '<img src=x onerror=alert(1)>';
    const parsed = parsePackText(JSON.stringify(pack));
    expect(parsed.ok && parsed.pack.terms[0]?.name).toBe('<img src=x onerror=alert(1)>');
    const proto = JSON.parse(
      sampleText.replace('"format"', '"__proto__": {"polluted": true}, "format"'),
    );
    expect(problemsOf(proto)).toEqual([expect.stringMatching(/unknown field "__proto__"/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('at most a dozen problems are listed', () => {
    const pack = sample();
    pack.terms = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}` }));
    expect(problemsOf(pack)).toHaveLength(12);
  });
});
