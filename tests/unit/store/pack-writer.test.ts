import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../components/page/matcher';
import { isMatcherIndex } from '../../../components/shared/matcher-index';
import { parsePackText, type Pack } from '../../../components/store/pack-format';
import {
  PACKS_KEY,
  PACKS_QUARANTINE_KEY,
  PACKS_SHARED_KEY,
  PACK_INDEX_KEY,
  compareVersions,
  parsePackRecord,
} from '../../../components/store/pack-store';
import { sharedAliases } from '../../../components/store/pack-shared';
import { bundledPack, createPackWriter } from '../../../components/store/pack-writer';
import { createWriteQueue } from '../../../components/store/write-queue';
import { loadSources, allTerms } from '../data/load';
import { fakeStorage } from './fake-storage';

const sampleText = readFileSync(
  new URL('../../fixtures/packs/sample-glossary.json', import.meta.url),
  'utf8',
);
const bundled: Pack = bundledPack({
  terms: allTerms().map(({ file: _file, ...t }) => t),
  sources: loadSources(),
});

function setup(initial: Record<string, unknown> = {}, quotaBytes?: number) {
  const storage = fakeStorage(initial, { quotaBytes });
  const writer = createPackWriter(storage, {
    queue: createWriteQueue(),
    bundled: async () => bundled,
    now: () => new Date('2026-12-06T10:00:00Z'),
  });
  return { storage, writer };
}

/** Term ids the stored index would mark in `text`. */
function marked(stored: Record<string, unknown>, text: string): string[] {
  const index = stored[PACK_INDEX_KEY];
  if (!isMatcherIndex(index)) return ['(no stored index)'];
  const matcher = compileMatcher(index);
  return matcher.find(text).map((m) => matcher.termIds[m.term] as string);
}

const nextVersion = (version: string, change: (p: Record<string, unknown>) => void) => {
  const pack = JSON.parse(sampleText) as Record<string, unknown>;
  pack.version = version;
  change(pack);
  return JSON.stringify(pack);
};

test('the bundled pack, as a file, passes the pack schema whole', () => {
  const parsed = parsePackText(JSON.stringify(bundled));
  expect(parsed.ok ? parsed.pack.terms.length : parsed.problems).toBe(bundled.terms.length);
});

describe('the stored index after an update', () => {
  test('is built again in the current format, marking the same terms', async () => {
    const { storage, writer } = setup();
    await writer.importText(sampleText);
    // An index stored by an older version: no second-stage filter.
    const older = { ...(storage.dump()[PACK_INDEX_KEY] as Record<string, unknown>) };
    delete older.second;
    const before = fakeStorage({ ...storage.dump(), [PACK_INDEX_KEY]: older });
    const again = createPackWriter(before, {
      queue: createWriteQueue(),
      bundled: async () => bundled,
    });
    const text = 'The Orion Corridor, the Vega Accord, the INSTC and the S-400.';
    const marks = marked(before.dump(), text);
    await again.reindex();
    const index = before.dump()[PACK_INDEX_KEY] as { second?: string };
    expect(typeof index.second).toBe('string');
    expect(marked(before.dump(), text)).toEqual(marks);
    expect(marks).toHaveLength(4);
  });

  test('is not written when only the bundled pack is on (the page has that one built in)', async () => {
    const { storage, writer } = setup();
    await writer.reindex();
    expect(storage.sets).toBe(0);
    expect(storage.dump()[PACK_INDEX_KEY]).toBeUndefined();
  });
});

describe('import, switch, remove', () => {
  test('an import stores the pack and an index of every pack that is on', async () => {
    const { storage, writer } = setup();
    const outcome = await writer.importText(sampleText);
    expect(outcome).toMatchObject({
      ok: true,
      replaces: null,
      pack: { id: 'sample-glossary', terms: 3 },
    });
    const text = 'The Orion Corridor, the Vega Accord, the INSTC and the S-400.';
    // Both packs claim "S-400": the built-in term comes first.
    expect(marked(storage.dump(), text)).toEqual([
      'sample-glossary~orion-corridor',
      'sample-glossary~vega-accord',
      'instc',
      's-400',
    ]);
    expect((await writer.list()).map((p) => [p.id, p.enabled, p.bundled])).toEqual([
      ['india-russia-2021', true, true],
      ['sample-glossary', true, false],
    ]);
    expect(await writer.term('sample-glossary~vega-accord')).toMatchObject({
      term: { name: 'Vega Accord' },
      pack: { title: 'Sample glossary (test data)' },
    });
  });

  test('switching packs off changes the index; only the bundled one on drops it', async () => {
    const { storage, writer } = setup();
    await writer.importText(sampleText);
    await writer.setEnabled('india-russia-2021', false);
    expect(marked(storage.dump(), 'Orion Corridor and INSTC')).toEqual([
      'sample-glossary~orion-corridor',
    ]);
    await writer.setEnabled('india-russia-2021', true);
    await writer.setEnabled('sample-glossary', false);
    expect(storage.dump()[PACK_INDEX_KEY]).toBeNull();
    await writer.remove('sample-glossary');
    expect((await writer.list()).map((p) => p.id)).toEqual(['india-russia-2021']);
  });

  test('a newer version shows what it changes, then replaces the old one', async () => {
    const { writer } = setup();
    await writer.importText(sampleText);
    const newer = nextVersion('1.1.0', (p) => {
      const terms = p.terms as Record<string, unknown>[];
      terms.splice(2, 1);
      (terms[0] as Record<string, unknown>).aliases = ['Orion Corridor', 'OC-7', 'Orion Route'];
      terms.push({ ...terms[1], id: 'lyra-forum', name: 'Lyra Forum', aliases: ['Lyra Forum'] });
    });
    const preview = await writer.preview(newer);
    expect(preview).toMatchObject({
      ok: true,
      replaces: {
        version: '1.0.0',
        diff: { added: ['lyra-forum'], removed: ['s-400'], changed: ['orion-corridor'] },
      },
    });
    await writer.importText(newer);
    expect((await writer.list())[1]).toMatchObject({ version: '1.1.0', terms: 3 });
  });

  test('the same or an older version, or the built-in id, is refused and nothing changes', async () => {
    const { storage, writer } = setup();
    await writer.importText(sampleText);
    const before = storage.dump();
    for (const text of [sampleText, nextVersion('0.9.0', () => undefined)]) {
      const outcome = await writer.importText(text);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok)
        expect(outcome.problems[0]).toMatch(/already imported.*Only a newer version/);
    }
    const builtIn = await writer.importText(
      nextVersion('9.0.0', (p) => (p.id = 'india-russia-2021')),
    );
    expect(builtIn).toEqual({ ok: false, problems: [expect.stringMatching(/built into Gloss/)] });
    expect(storage.dump()).toEqual(before);
  });

  test('a full storage refuses the import with a clear message and leaves everything', async () => {
    const { storage, writer } = setup({ other: 'x' }, 2000);
    const before = storage.dump();
    await expect(writer.importText(sampleText)).rejects.toThrow(/storage for Gloss is full/);
    expect(storage.dump()).toEqual(before);
  });
});

describe('stored record', () => {
  test('damaged entries are set aside on the next write, never dropped', async () => {
    const broken = { pack: { id: 'x' }, enabled: true, importedAt: 'now' };
    const { storage, writer } = setup({
      [PACKS_KEY]: { version: 1, bundledEnabled: true, items: [broken, 42] },
    });
    expect(parsePackRecord(storage.dump()[PACKS_KEY]).rejects).toHaveLength(2);
    await writer.importText(sampleText);
    const stored = storage.dump();
    expect((stored[PACKS_QUARANTINE_KEY] as { value: unknown }[]).map((q) => q.value)).toEqual([
      broken,
      42,
    ]);
    expect(parsePackRecord(stored[PACKS_KEY]).record.items).toHaveLength(1);
  });

  test('an unknown record is reported, and versions compare numerically', () => {
    expect(parsePackRecord({ version: 7 }).rejects[0]?.reason).toMatch(/format this Gloss knows/);
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });
});

describe('two packs claiming one alias', () => {
  test('each term names the other, with its pack; switching one off forgets it', async () => {
    const { storage, writer } = setup();
    await writer.importText(sampleText);
    // The sample pack has its own "S-400", as the bundled pack does.
    expect(await writer.shared('s-400')).toEqual([
      {
        id: 'sample-glossary~s-400',
        name: "S-400 (test pack's own entry)",
        pack: 'Sample glossary (test data)',
      },
    ]);
    expect(await writer.shared('sample-glossary~s-400')).toEqual([
      { id: 's-400', name: 'S-400 Triumf', pack: bundled.title },
    ]);
    expect(await writer.shared('sample-glossary~orion-corridor')).toEqual([]);
    await writer.setEnabled('sample-glossary', false);
    expect(await writer.shared('s-400')).toEqual([]);
    expect(storage.dump()[PACKS_SHARED_KEY]).toEqual({});
  });

  test('a damaged stored map names no one', async () => {
    const { writer } = setup({ [PACKS_SHARED_KEY]: { 's-400': [{ id: 1 }, null, 'x'] } });
    expect(await writer.shared('s-400')).toEqual([]);
  });
});

describe('sharedAliases', () => {
  const pack = (id: string, terms: [string, string[]][]): Pack => ({
    ...bundled,
    id,
    title: `Pack ${id}`,
    terms: terms.map(([tid, aliases]) => ({ ...bundled.terms[0]!, id: tid, name: tid, aliases })),
  });

  test('aliases compare as the matcher reads them: case and joined spellings', () => {
    const shared = sharedAliases(
      [
        pack('a', [['su-30', ['Su-30MKI']]]),
        pack('b', [
          ['sukhoi', ['SU30MKI']],
          ['other', ['Other']],
        ]),
      ],
      'a',
    );
    expect(shared).toEqual({
      'su-30': [{ id: 'b~sukhoi', name: 'sukhoi', pack: 'Pack b' }],
      'b~sukhoi': [{ id: 'su-30', name: 'su-30', pack: 'Pack a' }],
    });
  });

  test('terms of one pack that share an alias are not listed (the pack decides between them)', () => {
    expect(
      sharedAliases(
        [
          pack('a', [
            ['x', ['Same']],
            ['y', ['Same']],
          ]),
        ],
        'z',
      ),
    ).toEqual({});
  });
});

test('an imported pack exports as a file that imports again; the bundled one and unknown ids do not', async () => {
  const { writer } = setup();
  await writer.importText(sampleText);
  const text = await writer.exportText('sample-glossary');
  const again = parsePackText(text ?? '');
  expect(again.ok && again.pack).toEqual(JSON.parse(text ?? 'null'));
  expect(again.ok ? again.pack.terms.map((t) => t.id) : []).toEqual(
    (JSON.parse(sampleText) as Pack).terms.map((t) => t.id),
  );
  expect(await writer.exportText(bundled.id)).toBeNull();
  expect(await writer.exportText('nothing-here')).toBeNull();
});
