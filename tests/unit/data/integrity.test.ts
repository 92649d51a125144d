/**
 * Links inside the fact base: unique ids, related terms that exist, cited sources that exist,
 * aliases that point at one term only, and hover cards with a sensible number of key facts.
 */
import { describe, expect, test } from 'vitest';
import { allTerms, factSourceIds, loadSources, normaliseAlias } from './load';

const terms = allTerms();
const termIds = new Set(terms.map((t) => t.id));
const sourceIds = new Set(loadSources().map((s) => s.id));

function report(problems: string[]): void {
  expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
}

describe('ids', () => {
  test('term ids are unique across all files', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const t of terms) {
      const other = seen.get(t.id);
      if (other) problems.push(`term ${t.id} is in both ${other} and ${t.file}`);
      seen.set(t.id, t.file);
    }
    report(problems);
  });

  test('fact ids are unique within each term', () => {
    const problems: string[] = [];
    for (const t of terms) {
      const seen = new Set<string>();
      for (const f of t.facts ?? []) {
        if (seen.has(f.id)) problems.push(`term ${t.id}: fact id ${f.id} is used twice`);
        seen.add(f.id);
      }
    }
    report(problems);
  });
});

describe('links', () => {
  test('related ids name existing terms, not the term itself, and are not repeated', () => {
    const problems: string[] = [];
    for (const t of terms) {
      const related = t.related ?? [];
      for (const r of related) {
        if (r === t.id) problems.push(`term ${t.id} lists itself as related`);
        else if (!termIds.has(r)) problems.push(`term ${t.id}: related id "${r}" is not a term`);
      }
      if (new Set(related).size !== related.length)
        problems.push(`term ${t.id}: related has duplicates`);
    }
    report(problems);
  });

  test('every fact and every value cites known source ids', () => {
    const problems: string[] = [];
    for (const t of terms) {
      for (const f of t.facts ?? []) {
        for (const s of factSourceIds(f)) {
          if (!sourceIds.has(s)) problems.push(`term ${t.id} fact ${f.id}: unknown source "${s}"`);
        }
      }
    }
    report(problems);
  });
});

describe('aliases', () => {
  test('every contextRule names one of the term’s aliases, spelled exactly', () => {
    const problems: string[] = [];
    for (const t of terms) {
      for (const rule of t.contextRules ?? []) {
        if (!t.aliases.includes(rule.alias)) {
          problems.push(`term ${t.id}: contextRule alias "${rule.alias}" is not in its aliases`);
        }
      }
    }
    report(problems);
  });

  test('no alias belongs to two terms unless context rules tell them apart', () => {
    // normalised alias -> the terms that list it, and whether a context rule guards it there
    const owners = new Map<string, { term: string; alias: string; guarded: boolean }[]>();
    for (const t of terms) {
      const guarded = new Set((t.contextRules ?? []).map((r) => normaliseAlias(r.alias)));
      const mine = new Map<string, string>();
      for (const a of t.aliases ?? []) mine.set(normaliseAlias(a), a);
      for (const [key, alias] of mine) {
        const list = owners.get(key) ?? [];
        list.push({ term: t.id, alias, guarded: guarded.has(key) });
        owners.set(key, list);
      }
    }
    const problems: string[] = [];
    for (const list of owners.values()) {
      if (list.length < 2) continue;
      // Every owner but one needs a context rule, or a page's mention is ambiguous.
      if (list.filter((o) => !o.guarded).length > 1) {
        problems.push(
          `alias ${list.map((o) => `"${o.alias}" (${o.term}${o.guarded ? ', guarded' : ''})`).join(' and ')} ` +
            'is shared; add a contextRule for it to all but one of these terms',
        );
      }
    }
    report(problems);
  });
});

describe('hover cards', () => {
  test('each term marks 2-4 key facts (or its only fact)', () => {
    const problems: string[] = [];
    for (const t of terms) {
      const facts = t.facts ?? [];
      const keys = facts.filter((f) => f.key).length;
      const min = Math.min(2, facts.length);
      if (keys < min || keys > 4) {
        problems.push(
          `term ${t.id}: ${keys} key fact(s); mark between ${min} and 4 with "key": true`,
        );
      }
    }
    report(problems);
  });
});
