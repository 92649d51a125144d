import { expect, test } from 'vitest';
import { parsePackText } from '../../../components/store/pack-format';
import {
  OWN_LIMITS,
  addOwnTerm,
  editOwnTerm,
  ownTermsOf,
  removeOwnTerm,
} from '../../../components/store/own-pack';

const now = new Date('2026-12-07T06:00:00Z');
const page = { title: 'A  page\u0000 title', url: 'https://news.example/a?b=1' };

test('add keeps the text, note and page; a repeat spelling adds nothing', () => {
  const first = addOwnTerm(null, { text: '  Vega\n Accord ', note: 'A treaty', page }, now);
  expect(first.result.added).toBe(true);
  expect(ownTermsOf(first.pack)).toEqual([
    {
      id: 'vega-accord',
      name: 'Vega Accord',
      aliases: ['Vega Accord'],
      note: 'A treaty',
      page: { title: 'A page title', url: 'https://news.example/a?b=1' },
      added: '2026-12-07',
    },
  ]);
  const again = addOwnTerm(first.pack, { text: 'VEGA accord', note: 'x', page }, now);
  expect(again.result).toMatchObject({ added: false, term: { id: 'vega-accord' } });
  expect(again.pack).toBe(first.pack);
});

test('bad input is refused with a reason; hostile pages are cut or dropped', () => {
  expect(() => addOwnTerm(null, { text: 42 }, now)).toThrow('not text');
  expect(() => addOwnTerm(null, { text: '   ' }, now)).toThrow('Select a word');
  expect(() => addOwnTerm(null, { text: '— …' }, now)).toThrow('no letters');
  expect(() => addOwnTerm(null, { text: 'x'.repeat(OWN_LIMITS.name + 1) }, now)).toThrow(
    `at most ${OWN_LIMITS.name}`,
  );
  expect(() =>
    addOwnTerm(null, { text: 'ok', note: 'n'.repeat(OWN_LIMITS.note + 1) }, now),
  ).toThrow('note');
  const js = addOwnTerm(
    null,
    { text: 'Orion', page: { title: 't', url: 'javascript:alert(1)' } },
    now,
  );
  expect(ownTermsOf(js.pack)[0]?.page).toBeNull();
});

test('edit changes note and aliases; delete removes the term and, at the last, the pack', () => {
  let pack = addOwnTerm(null, { text: 'Orion Corridor', page }, now).pack;
  pack = addOwnTerm(pack, { text: 'Vega Accord', note: 'old', page }, now).pack;
  const v = pack.version;
  pack = editOwnTerm(
    pack,
    { id: 'vega-accord', note: 'new', aliases: ['Vega Accord', 'the Accord', ''] },
    now,
  );
  expect(ownTermsOf(pack)[1]).toMatchObject({
    note: 'new',
    aliases: ['Vega Accord', 'the Accord'],
  });
  expect(pack.version).not.toBe(v);
  expect(() => editOwnTerm(pack, { id: 'vega-accord', note: '', aliases: [] }, now)).toThrow(
    'at least one',
  );
  expect(() => editOwnTerm(pack, { id: 'nope', note: '', aliases: ['a'] }, now)).toThrow();
  const one = removeOwnTerm(pack, 'orion-corridor');
  expect(ownTermsOf(one).map((t) => t.id)).toEqual(['vega-accord']);
  expect(removeOwnTerm(one!, 'vega-accord')).toBeNull();
});

test('the own pack exports as a pack file and reads back the same', () => {
  let pack = addOwnTerm(null, { text: 'Orion Corridor', note: 'A route', page }, now).pack;
  pack = addOwnTerm(pack, { text: 'CAD', page: null }, now).pack;
  const parsed = parsePackText(`${JSON.stringify(pack, null, 2)}\n`);
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(ownTermsOf(parsed.pack)).toEqual(ownTermsOf(pack));
});
