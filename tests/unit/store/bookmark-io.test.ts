import { describe, expect, test } from 'vitest';
import type { Source, Term } from '../../../data/schema';
import {
  MAX_IMPORT_BYTES,
  csvField,
  exportCsv,
  exportJson,
  exportMarkdown,
  factQuestion,
  isWebUrl,
  parseImport,
  type FactLookup,
} from '../../../components/store/bookmark-io';
import { BOOKMARKS_VERSION, type Bookmark } from '../../../components/store/bookmark-store';
import { createBookmarkWriter } from '../../../components/store/bookmark-writer';
import { fakeStorage } from './fake-storage';

const term: Term = {
  id: 's-400',
  name: 'S-400 Triumf',
  aliases: ['S-400'],
  caseSensitive: true,
  expansion: 'Russian long-range surface-to-air missile system',
  category: 'defence',
  summary: 'A summary long enough to satisfy the schema of the fact base, forty characters.',
  facts: [
    {
      id: 'deal-value',
      text: 'The deal is worth more than "US$5 billion", say reports.',
      date: '2021-11',
      sources: ['src-a'],
    },
  ],
  related: [],
};
const source: Source = {
  id: 'src-a',
  short: 'India Briefing',
  title: 'A title',
  publisher: 'Publisher',
  author: null,
  published: '2021-12',
  kind: 'news',
};
const lookup: FactLookup = {
  term: (id) => (id === term.id ? term : undefined),
  source: (id) => (id === source.id ? source : undefined),
};
const now = new Date('2025-03-01T10:00:00.000Z');
const items: Bookmark[] = [
  {
    termId: 's-400',
    factId: 'deal-value',
    savedAt: '2025-02-01T09:00:00.000Z',
    page: {
      title: 'Evil <img src=x onerror=alert(1)> [x](javascript:y)',
      url: 'https://news.example/a(b)',
    },
    note: 'Line one\nline "two", with comma',
  },
  {
    termId: 'gone',
    factId: 'missing',
    savedAt: '2025-02-02T09:00:00.000Z',
    page: { title: 'JS', url: 'javascript:alert(1)' },
    note: '',
  },
];

describe('exports', () => {
  test('JSON round-trips through import, newest first', () => {
    const text = exportJson(items, now);
    expect(JSON.parse(text)).toMatchObject({
      format: 'gloss-bookmarks',
      version: BOOKMARKS_VERSION,
      exportedAt: now.toISOString(),
    });
    expect(parseImport(text)).toEqual({
      ok: true,
      items: [items[1], items[0]],
      reviews: new Map(),
    });
  });

  test('Markdown escapes page strings and links only web addresses', () => {
    const md = exportMarkdown(items, lookup, now);
    expect(md).toContain('## S\\-400 Triumf');
    expect(md).toContain('- Source: India Briefing · Nov 2021');
    expect(md).toContain(
      'From [Evil \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:y\\)](https://news.example/a%28b%29)',
    );
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('From JS, saved 2025-02-02');
    expect(md).toContain('Note: Line one line "two", with comma');
    expect(md).toContain('no longer in Gloss');
  });

  test('CSV for Anki: header lines, front = term and question, back = fact and source', () => {
    const csv = exportCsv(items, lookup);
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:Comma',
      '#html:false',
      '#columns:Front,Back,Tags',
      '#tags column:3',
    ]);
    expect(csv).toContain(
      'S-400 Triumf: Deal value?,"The deal is worth more than ""US$5 billion"", say reports.\nSource: India Briefing · Nov 2021\nNote: Line one\nline ""two"", with comma",gloss defence',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('csvField and factQuestion', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('')).toBe('');
  });

  test('csvField neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x.example","y")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""y"")"`,
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    // Only the first character counts: formulas further in are plain text to a spreadsheet.
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField('S-400')).toBe('S-400');
    expect(factQuestion('deliveries-began')).toBe('Deliveries began?');
  });

  test('isWebUrl accepts only http and https', () => {
    expect(isWebUrl('https://a.example/x')).toBe(true);
    expect(isWebUrl('HTTP://a.example')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'https://',
      '',
    ]) {
      expect(isWebUrl(url)).toBe(false);
    }
  });
});

describe('import refuses what it cannot trust', () => {
  const file = (value: unknown) => JSON.stringify(value);
  const valid = JSON.parse(exportJson(items, now)) as Record<string, unknown>;

  test.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated', exportJson(items, now).slice(0, 80), /not valid JSON/],
    ['a list', file([1, 2]), /not a Gloss bookmarks file/],
    ['a foreign object', file({ bookmarks: [] }), /not a Gloss bookmarks file/],
    ['no version', file({ ...valid, version: undefined }), /version/],
    [
      'a newer version',
      file({ ...valid, version: BOOKMARKS_VERSION + 1 }),
      /newer version of Gloss/,
    ],
    ['items not a list', file({ ...valid, items: {} }), /"items"/],
    [
      'too many items',
      file({ ...valid, items: Array.from({ length: 5001 }, () => items[0]) }),
      /5000/,
    ],
    [
      'a bad item',
      file({ ...valid, items: [items[0], { ...items[0], savedAt: 'yesterday' }] }),
      /Bookmark 2.*savedAt/,
    ],
    [
      'a bad id',
      file({ ...valid, items: [{ ...items[0], termId: '<script>' }] }),
      /Bookmark 1.*termId/,
    ],
  ])('%s', (_label, text, message) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  test('an oversized file', () => {
    const result = parseImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(!result.ok && result.error).toMatch(/too large \(2\.0 MB\)/);
  });

  test('a refused import leaves the stored bookmarks exactly as they were', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage, { now: () => now });
    await writer.toggle({ termId: 'a', factId: 'f', page: null });
    const before = storage.dump();
    const setsBefore = storage.sets;
    for (const text of [
      '{',
      file({ format: 'gloss-bookmarks', version: 2, items: [items[0], { bad: 1 }] }),
    ]) {
      expect((await writer.importText(text)).ok).toBe(false);
    }
    expect(storage.dump()).toEqual(before);
    expect(storage.sets).toBe(setsBefore);
  });

  test('a valid import merges without duplicates', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage, { now: () => now });
    await writer.toggle({ termId: 's-400', factId: 'deal-value', page: null });
    expect(await writer.importText(exportJson(items, now))).toEqual({
      ok: true,
      added: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(await writer.importText(exportJson(items, now))).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await writer.keys()).toEqual(['s-400/deal-value', 'gone/missing']);
  });
});
