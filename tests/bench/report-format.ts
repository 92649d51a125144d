/**
 * Small formatting pieces of the benchmark report: log-scale bar charts in text, and how a
 * competitor's runs (some stopped at a deadline and extrapolated) are summarised.
 */
import type { CompetitorResult } from './measure';
import { ms, summarize, type Summary } from './stats';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` on a log scale from `low` to `high`, `width` characters at most. */
function bar(value: number, low: number, high: number, width = 44): string {
  if (!Number.isFinite(value) || value <= 0) return '';
  const share = Math.max(0, Math.log10(value / low)) / Math.log10(high / low);
  const eighths = Math.max(1, Math.round(Math.min(1, share) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (BLOCKS[eighths % 8] ?? '');
}

/** A text bar chart of main-thread times, one row per label. */
export function chart(
  title: string,
  rows: { label: string; value: number; note?: string }[],
): string {
  const values = rows.map((r) => r.value).filter((v) => Number.isFinite(v) && v > 0);
  const high = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const low = Math.min(0.1, ...values.map((v) => 10 ** Math.floor(Math.log10(v))));
  const width = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map(
    (r) =>
      `${r.label.padEnd(width)}  ${bar(r.value, low, high).padEnd(45)} ${ms(r.value).padStart(7)} ms${r.note ? `  ${r.note}` : ''}`,
  );
  return [
    `${title} (main-thread ms, log scale ${ms(low)}–${ms(high)} ms)`,
    '',
    '```text',
    ...lines,
    '```',
  ].join('\n');
}

/** The median. */
export const med = (values: number[]): number => summarize(values).median;

/** How many marks a competitor's run made (or reached before it was stopped). */
export function markCount(run: CompetitorResult | undefined): string {
  if (!run) return '–';
  return run.extrapolated
    ? `${run.count.toLocaleString('en-US')} (stopped)`
    : run.count.toLocaleString('en-US');
}

/** The summary of a competitor's times. */
export function competitorMs(runs: CompetitorResult[]): Summary {
  return summarize(runs.map((r) => r.ms));
}

/** Says which runs were stopped and extrapolated, and how far they got; '' when none was. */
export function extrapolatedNote(runs: CompetitorResult[]): string {
  const stopped = runs.filter((r) => r.extrapolated);
  if (!stopped.length) return '';
  const failed = stopped.find((r) => r.error);
  const share = `${Math.round(summarize(stopped.map((r) => r.done * 100)).median)}% done`;
  return failed
    ? ` ≈ extrapolated: mark.js failed (${failed.error}) at ${share}`
    : ` ≈ extrapolated: stopped at the deadline at ${share}`;
}
