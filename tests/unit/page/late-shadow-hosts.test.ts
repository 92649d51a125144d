// @vitest-environment jsdom
import { afterEach, expect, test } from 'vitest';
import { LateShadowHosts, type TimerEnv } from '../../../components/page/late-shadow-hosts';

/** A clock and timers that move only when the test says. */
function fakeTimers() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const env: TimerEnv = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  /** Advances to `to` ms, running each timer at its time; returns when each ran. */
  const advance = (to: number): number[] => {
    const ran: number[] = [];
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const first = timers[0];
      if (!first || first.at > to) break;
      timers.shift();
      now = first.at;
      ran.push(now);
      first.fn();
    }
    now = to;
    return ran;
  };
  return { env, advance, pending: () => timers.length };
}

afterEach(() => {
  document.body.innerHTML = '';
});

test('a shadow root attached after the walk is found within 400 ms while the page is busy', () => {
  const { env, advance } = fakeTimers();
  const found: ShadowRoot[] = [];
  const hosts = new LateShadowHosts(env, (s) => found.push(s));
  document.body.innerHTML = '<news-card></news-card><other-card></other-card>';
  const [card, other] = [...document.body.children];
  hosts.pageChanged();
  hosts.add([card as Element, other as Element]);
  // Looks at 100, 300 (after 200), then every 400 ms.
  expect(advance(1100)).toEqual([100, 300, 700, 1100]);
  const shadow = (card as Element).attachShadow({ mode: 'open' });
  advance(1500);
  expect(found).toEqual([shadow]);
  expect(hosts.size).toBe(1);
  // A removed element is dropped.
  other?.remove();
  advance(1900);
  expect(hosts.size).toBe(0);
  hosts.destroy();
});

test('once the page is quiet the looks are rare, and a change makes them frequent again', () => {
  const { env, advance } = fakeTimers();
  const hosts = new LateShadowHosts(env, () => undefined);
  document.body.innerHTML = '<news-card></news-card>';
  hosts.pageChanged();
  hosts.add([document.body.firstElementChild as Element]);
  advance(30_000);
  const quiet = advance(45_000);
  expect(quiet.length).toBeLessThanOrEqual(4);
  expect(quiet.every((t, k) => k === 0 || t - (quiet[k - 1] as number) === 5000)).toBe(true);
  hosts.pageChanged();
  expect(advance(45_000 + 100)).toEqual([45_100]);
  hosts.destroy();
});

test('destroy stops every timer', () => {
  const { env, pending } = fakeTimers();
  const hosts = new LateShadowHosts(env, () => undefined);
  document.body.innerHTML = '<news-card></news-card>';
  hosts.add([document.body.firstElementChild as Element]);
  expect(pending()).toBe(1);
  hosts.destroy();
  expect(pending()).toBe(0);
});

test('a change to the page costs no clock read: a live page reports one per mutation', () => {
  const { env, advance } = fakeTimers();
  let reads = 0;
  const counted: TimerEnv = { ...env, now: () => (reads++, env.now()) };
  const hosts = new LateShadowHosts(counted, () => undefined);
  document.body.innerHTML = '<news-card></news-card>';
  hosts.add([document.body.firstElementChild as Element]);
  for (let k = 0; k < 50; k++) hosts.pageChanged();
  expect(reads).toBe(0);
  // The changes still count as recent: the looks stay frequent for 30 s after them.
  advance(29_000);
  const busy = advance(30_000);
  expect(busy.every((t, k) => k === 0 || t - (busy[k - 1] as number) === 400)).toBe(true);
  expect(busy.length).toBeGreaterThan(1);
  hosts.destroy();
});
