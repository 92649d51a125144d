/**
 * The Markdown and CSV exports of saved facts whose fact changed or went away: the current text
 * where there is one (with the saved one beside it when it differs), the saved text otherwise;
 * sources come from each fact's own pack.
 */
import { describe, expect, test } from 'vitest';
import type { PackTerm, Source } from '../../../data/schema';
import { exportCsv, exportMarkdown, type FactLookup } from '../../../components/store/bookmark-io';
import type { Bookmark } from '../../../components/store/bookmark-store';

const term: PackTerm = {
  id: 'glossary~repo-rate',
  name: 'Repo rate',
  aliases: ['repo rate'],
  caseSensitive: false,
  expansion: 'The rate a central bank lends at',
  category: 'monetary policy',
  summary: 'A short summary.',
  facts: [{ id: 'level', text: 'The rate is now 6 per cent.', date: '2026-10', sources: ['mpc'] }],
  related: [],
};
const packSource: Source = {
  id: 'mpc',
  short: 'MPC minutes',
  title: 't',
  publisher: 'p',
  author: null,
  published: '2026',
  kind: 'minutes',
};
const lookup: FactLookup = {
  term: (id) => (id === term.id ? term : undefined),
  // The pack's own source; another pack's source of the same id must not be taken.
  source: (id, termId) => (termId === term.id && id === 'mpc' ? packSource : undefined),
};
const b = (termId: string, factId: string, text?: string): Bookmark => ({
  termId,
  factId,
  savedAt: '2026-11-01T10:00:00.000Z',
  page: null,
  note: '',
  ...(text === undefined ? {} : { text }),
});
const items = [
  b('glossary~repo-rate', 'level', 'The rate is 5.5 per cent.'),
  b('glossary~repo-rate', 'gone', 'A fact the pack dropped.'),
];

describe('exports of changed and gone facts', () => {
  test('Markdown: the current text, the saved one when it differs, the saved one when gone', () => {
    const md = exportMarkdown(items, lookup, new Date('2026-12-07T00:00:00.000Z'));
    expect(md).toContain('- The rate is now 6 per cent\\.');
    expect(md).toContain('  - Source: MPC minutes · Oct 2026');
    expect(md).toContain('  - As saved: The rate is 5\\.5 per cent\\.');
    expect(md).toContain('- A fact the pack dropped\\. (as saved; no longer in Gloss)');
  });

  test('CSV: the back holds the current text, or the saved one with a note that it is gone', () => {
    const csv = exportCsv(items, lookup);
    expect(csv).toContain('"The rate is now 6 per cent.\nSource: MPC minutes · Oct 2026"');
    expect(csv).toContain('"A fact the pack dropped.\n(as saved; no longer in Gloss)"');
    // A pack's category with spaces is one Anki tag.
    expect(csv).toContain(',gloss monetary-policy');
  });
});
