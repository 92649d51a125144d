import { describe, expect, test } from 'vitest';
import { glossaryKind, glossaryToPack, slugOf } from '../../../components/store/glossary-import';
import { describeProblems, parsePackText } from '../../../components/store/pack-format';

const now = new Date('2026-12-06T11:55:07Z');

/** The pack made from a glossary, read back through the ordinary pack check. */
function packOf(name: string, text: string) {
  const kind = glossaryKind(name, text);
  if (!kind) throw new Error('not a glossary');
  const made = glossaryToPack(name, text, kind, now);
  if (!made.ok) throw new Error(describeProblems(made.problems).join('\n'));
  const parsed = parsePackText(made.text);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems).join('\n'));
  return parsed.pack;
}

function problemsOf(name: string, text: string) {
  const made = glossaryToPack(name, text, glossaryKind(name, text) ?? 'csv', now);
  if (made.ok) throw new Error('accepted');
  return describeProblems(made.problems);
}

describe('glossary kinds', () => {
  test('by file name, and for .txt by its content', () => {
    expect(glossaryKind('words.csv', 'a,b')).toBe('csv');
    expect(glossaryKind('deck.tsv', 'a\tb')).toBe('anki');
    expect(glossaryKind('deck.txt', '#separator:tab\n#html:true\na\tb')).toBe('anki');
    expect(glossaryKind('words.txt', 'a,b,c')).toBe('csv');
    expect(glossaryKind('pack.json', '{}')).toBeNull();
    expect(glossaryKind('notes.docx', '')).toBeNull();
  });

  test('file names become pack ids', () => {
    expect(slugOf('My Words (2026)')).toBe('my-words-2026');
    expect(slugOf('Ünïcode—Ärger')).toBe('unicode-arger');
    expect(slugOf('???')).toBe('glossary');
  });
});

describe('CSV glossaries', () => {
  test('term, aliases and note, with a header, quotes and commas inside cells', () => {
    const pack = packOf(
      'exam words.csv',
      'term,aliases,note\n' +
        'Repo rate,repo; policy rate,"The rate at which a central bank lends, short term."\n' +
        '"Current account deficit","CAD|C.A.D.",\n',
    );
    expect(pack.id).toBe('exam-words');
    expect(pack.title).toBe('exam words.csv');
    expect(pack.version).toBe('1.20261206.115507');
    expect(pack.terms.map((t) => [t.id, t.aliases])).toEqual([
      ['repo-rate', ['Repo rate', 'repo', 'policy rate']],
      ['current-account-deficit', ['Current account deficit', 'CAD', 'C.A.D.']],
    ]);
    // "Repo rate" is a word that a list capitalises; "CAD" makes the second a name.
    expect(pack.terms.map((t) => t.anyCase)).toEqual([true, undefined]);
    expect(pack.terms[0]?.summary).toBe('The rate at which a central bank lends, short term.');
    expect(pack.terms[1]?.summary).toBe('A term from exam words.csv.');
    expect(pack.sources[0]).toMatchObject({ id: 'glossary', published: '2026-12-06' });
  });

  test('no header and one column is fine; a repeated term gets its own id', () => {
    const pack = packOf('list.csv', 'Monsoon\nMonsoon\n\nKharif\n');
    expect(pack.terms.map((t) => t.id)).toEqual(['monsoon', 'monsoon-2', 'kharif']);
  });

  test('each bad row is named by its line', () => {
    const long = 'x'.repeat(201);
    expect(problemsOf('bad.csv', `term,aliases,note\nGood,,\n,orphan,\n${long},,\n`)).toEqual([
      'Line 3, column 1: The term (first column) is empty.',
      'Line 4, column 1: The term is longer than 200 characters.',
    ]);
    expect(problemsOf('quote.csv', 'a,b\n"never closed,c\n')[0]).toMatch(
      /^Line 2, column 1: Not a readable CSV row: /,
    );
    expect(problemsOf('empty.csv', 'term,aliases,note\n')).toEqual([
      'Line 1, column 1: The file has no terms.',
    ]);
  });

  test('more terms than a pack may hold is refused whole', () => {
    const rows = Array.from({ length: 20001 }, (_, i) => `Term ${i}`).join('\n');
    expect(problemsOf('huge.csv', rows)).toEqual([
      'Line 1, column 1: The file has 20001 terms; a pack may have at most 20000.',
    ]);
  });
});

describe('Anki plain-text exports', () => {
  test('front and back, header lines skipped, HTML reduced to text', () => {
    const text =
      '#separator:tab\n#html:true\n#tags column:3\n' +
      'INSTC\tA <b>7,200 km</b> transport corridor<br>India–Iran–Russia\tgeo\n' +
      'Chabahar &amp; Bandar Abbas\tPorts on the route\t\n';
    const pack = packOf('deck.txt', text);
    expect(pack.terms.map((t) => [t.name, t.summary])).toEqual([
      ['INSTC', 'A 7,200 km transport corridor India–Iran–Russia'],
      ['Chabahar & Bandar Abbas', 'Ports on the route'],
    ]);
    expect(pack.sources[0]?.kind).toBe('Anki export');
  });

  test('an empty front is refused at its line (header lines counted)', () => {
    expect(problemsOf('deck.txt', '#separator:tab\nOne\tfirst\n\tno front\n')).toEqual([
      'Line 3, column 1: The term (first column) is empty.',
    ]);
  });
});
