/**
 * The benchmark's task accounting: which of the page thread's tasks are Gloss's start-up. Gloss's
 * page code is a module its content script imports, and the trace names that module's evaluation
 * only by world, so a task list that went by script URLs alone would leave it out.
 */
import { expect, test } from 'vitest';
import { isExtensionUrl, tasksOf, type TraceEvent } from '../../bench/trace';

const PID = 1;
const TID = 2;
const EXT = 'chrome-extension://abc/';

/** A complete event on the page thread, µs. */
function ev(name: string, ts: number, dur: number, args?: TraceEvent['args']): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', pid: PID, tid: TID, ts, dur, args };
}

const events: TraceEvent[] = [
  // The content script: an evaluated script with a URL.
  ev('RunTask', 0, 1000),
  ev('EvaluateScript', 10, 900, { data: { url: `${EXT}gloss.js` } }),
  // The imported module: compiled (its URL), then evaluated in Gloss's world (no URL).
  ev('RunTask', 2000, 300),
  ev('v8.compileModule', 2010, 100, { data: { url: `${EXT}gloss-main.js` } }),
  ev('RunTask', 3000, 4000),
  ev('v8.evaluateModule', 3010, 3900, { worldId: 5, worldName: 'Gloss' }),
  // The page's own work, between them.
  ev('RunTask', 8000, 500),
  ev('Paint', 8010, 400),
];

test('a module evaluated in a named world is recorded by world, its fetch and compile by URL', () => {
  const tasks = tasksOf(events, PID, TID, 0, 10_000);
  expect(tasks.map((t) => t.urls)).toEqual([
    [`${EXT}gloss.js`],
    [`${EXT}gloss-main.js`],
    ['world:Gloss'],
    [],
  ]);
  expect(tasks.map((t) => t.ms)).toEqual([1, 0.3, 4, 0.5]);
});

test('another thread’s events are not the page thread’s tasks', () => {
  const elsewhere = events.map((e) => ({ ...e, tid: TID + 1 }));
  expect(tasksOf(elsewhere, PID, TID, 0, 10_000)).toEqual([]);
});

test('the extension’s files count under its id and under the per-session address', () => {
  expect(isExtensionUrl(`${EXT}gloss.js`, EXT)).toBe(true);
  expect(
    isExtensionUrl('chrome-extension://c3375e42-2072-4a03-ac5a-af512cfbae4f/gloss-main.js', EXT),
  ).toBe(true);
  expect(isExtensionUrl('http://127.0.0.1:8000/mark.min.js', EXT)).toBe(false);
  expect(isExtensionUrl('chrome-extension://other/gloss.js', EXT)).toBe(false);
});
