/**
 * Grounding: every figure, designation and year in a fact is printed in a source the fact cites,
 * and no sentence we wrote copies a run of words from a source. Needs the captured articles in
 * `../shared/sources` (beside the repository); without them the checks are skipped, loudly.
 */
import { describe, expect, test } from 'vitest';
import type { Fact } from '../../../data/schema';
import {
  allTerms,
  articlesDir,
  articlesPresent,
  COPY_RUN,
  dateYears,
  designations,
  factNumbers,
  firstCopiedRun,
  loadArticles,
  loadSources,
  sourceHasDesignation,
  sourceNumbers,
  wordRuns,
} from './load';

if (!articlesPresent) {
  console.warn(
    `[data grounding] SKIPPED: the source articles are missing (expected ${articlesDir}/sources.json). ` +
      'Figures and copying were NOT checked.',
  );
}

function report(problems: string[]): void {
  expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
}

describe.skipIf(!articlesPresent)('grounding in the source articles', () => {
  const terms = allTerms();
  const articles = articlesPresent ? loadArticles() : new Map<string, string>();
  const numbers = new Map([...articles].map(([id, text]) => [id, sourceNumbers(text)]));
  const published = new Map(loadSources().map((s) => [s.id, s.published.slice(0, 4)]));

  /** Problems with one statement (a fact's text or a value) against the sources it cites. */
  function check(label: string, text: string, date: string, cited: string[]): string[] {
    const problems: string[] = [];
    const missing = cited.filter((s) => !articles.has(s));
    if (missing.length)
      problems.push(`${label}: no article text for source(s) ${missing.join(', ')}`);
    const texts = cited.filter((s) => articles.has(s));
    for (const n of factNumbers(text)) {
      if (!texts.some((s) => n.keys.some((k) => numbers.get(s)!.has(k)))) {
        problems.push(
          `${label}: the figure ${n.raw} is in none of its sources (${cited.join(', ')})`,
        );
      }
    }
    for (const d of designations(text)) {
      if (!texts.some((s) => sourceHasDesignation(articles.get(s)!, d))) {
        problems.push(`${label}: "${d}" is printed in none of its sources (${cited.join(', ')})`);
      }
    }
    for (const y of dateYears(date)) {
      const ok = texts.some((s) => numbers.get(s)!.has(y) || published.get(s) === y);
      if (!ok)
        problems.push(`${label}: date year ${y} is in none of its sources (${cited.join(', ')})`);
    }
    return problems;
  }

  function checkFact(termId: string, fact: Fact): string[] {
    const label = `term ${termId} fact ${fact.id}`;
    const problems = check(label, fact.text, fact.date, fact.sources);
    (fact.values ?? []).forEach((v, i) => {
      const text = `${v.value} ${v.note ?? ''}`;
      problems.push(...check(`${label} value ${i + 1} ("${v.value}")`, text, v.date, v.sources));
    });
    return problems;
  }

  test('every figure, designation and date year in a fact appears in a source it cites', () => {
    report(terms.flatMap((t) => (t.facts ?? []).map((f) => checkFact(t.id, f)).flat()));
  });

  test(`no summary, expansion, fact or value copies ${COPY_RUN} consecutive words of a source`, () => {
    const runs = wordRuns(articles.values());
    const problems: string[] = [];
    const probe = (label: string, text: string | undefined) => {
      const run = text ? firstCopiedRun(text, runs) : undefined;
      if (run) problems.push(`${label} copies "${run}"; rewrite it in our own words`);
    };
    for (const t of terms) {
      probe(`term ${t.id} summary`, t.summary);
      probe(`term ${t.id} expansion`, t.expansion);
      for (const f of t.facts ?? []) {
        probe(`term ${t.id} fact ${f.id}`, f.text);
        (f.values ?? []).forEach((v, i) => {
          probe(`term ${t.id} fact ${f.id} value ${i + 1}`, v.value);
          probe(`term ${t.id} fact ${f.id} value ${i + 1} note`, v.note);
        });
      }
    }
    report(problems);
  });
});
