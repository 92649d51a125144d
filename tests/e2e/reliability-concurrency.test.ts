/**
 * Many writers at once: five tabs' cards and the popup write bookmarks at the same moment, in
 * rounds, with toggles and notes mixed, through messages and real clicks. Afterwards the stored
 * bookmarks are exactly the expected ones: nothing lost, nothing duplicated. Then settings
 * changed in the popup reach every open tab. See docs/reliability.md.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  evalInGloss,
  hoverText,
  launchGloss,
  replaceStoredData,
  storedData,
  type Gloss,
} from './harness';

const TABS = 5;
const ROUNDS = 2;
/** Facts toggled by every writer. */
const SHARED = [
  ...['s-400/deliveries-began', 'instc/chabahar', 'caatsa/india-pushback'],
  'relos/status-december-2021',
];
/** Facts toggled by one writer each (writer index = position / 3; the popup is writer 5). */
const PRIVATE = [
  ...['ak-203/deal-signed', 'ak-203/amethi', 'ak-203/crucial-deal'],
  ...['brics/brasilia-2019', 'brics/coordination', 'brics/china-tilt'],
  ...['eaeu/trade-agreement', 'eaeu/greater-eurasia', 'kudankulam/russia-built'],
  ...['sco/members', 'sco/agenda', 'kudankulam/pending'],
  ...['vladivostok/2019-summit', 'vladivostok/memorandum', 'vladivostok/consulate-land'],
  ...['g20/coordination', 'g20/putin-skipped', 'iora/russia-induction'],
];
/** One saved fact per writer whose note that writer rewrites, one note after another. */
const NOTED = ['afghanistan/shared-concerns', 'aukus/russian-concern', 'asean/asean-centric'];
NOTED.push('nato/russia-focus', 'quad/russia-view', 'sputnik-v/production');
/** Each tab's card: the term hovered, the first fact's key, and the real clicks per round. */
const CARD = [
  { term: 'S-400', key: 's-400/deal-value', clicks: [3, 2] },
  { term: 'INSTC', key: 'instc/summit-driver', clicks: [2, 2] },
  { term: 'CAATSA', key: 'caatsa/s400-threat', clicks: [1, 2] },
  { term: 'RELOS', key: 'relos/purpose', clicks: [2, 1] },
  { term: 'Chabahar', key: 'chabahar/india-project', clicks: [1, 1] },
];
/** Facts clicked in the popup's own term page (`?term=quad`), per round. */
const POPUP_CLICKS = [['two-plus-two-partners', 'issue-based'], ['two-plus-two-partners']];

type Op = { kind: 'toggle'; key: string } | { kind: 'note'; key: string; note: string };

/** Writer w's operations in round r: a mix that depends on w and r, so counts differ. */
function plan(w: number, r: number): Op[] {
  const ops: Op[] = [];
  SHARED.forEach((key, j) => {
    for (let n = 0; n < ((w + j + r) % 3) + 1; n++) ops.push({ kind: 'toggle', key });
  });
  PRIVATE.slice(w * 3, w * 3 + 3).forEach((key, j) => {
    for (let n = 0; n < ((w + j + r) % 3) + 1; n++) ops.push({ kind: 'toggle', key });
  });
  for (let n = 0; n < 4; n++)
    ops.push({ kind: 'note', key: NOTED[w] as string, note: `w${w} r${r} n${n} <b>&amp;` });
  return ops;
}

/** Runs `ops` in a writer's world: every toggle fired at once, notes one after another. */
const RUN_OPS = `async (ops, page) => {
  const send = (type, payload) => chrome.runtime.sendMessage({ type, payload }).then((a) => a.value);
  const ids = (key) => ({ termId: key.split('/')[0], factId: key.split('/')[1] });
  const toggles = ops.filter((o) => o.kind === 'toggle')
    .map((o) => send('bookmark:toggle', { ...ids(o.key), page }).then((r) => [o.key, r.saved]));
  const notes = (async () => {
    for (const o of ops.filter((o) => o.kind === 'note'))
      await send('bookmark:note', { ...ids(o.key), note: o.note });
  })();
  const results = await Promise.all(toggles);
  await notes;
  return results;
}`;

let gloss: Gloss;
let tabs: Page[];
beforeAll(async () => {
  gloss = await launchGloss();
  await replaceStoredData(gloss, {
    bookmarks: {
      version: 2,
      items: NOTED.map((key) => ({
        termId: key.split('/')[0],
        factId: key.split('/')[1],
        savedAt: '2025-01-01T00:00:00.000Z',
        page: null,
        note: '',
      })),
    },
  });
  tabs = [];
  for (let w = 0; w < TABS; w++) tabs.push(await gloss.openFixture(`demo-article.html?tab=${w}`));
});
afterAll(async () => {
  await gloss?.close();
});

/** Clicks `button` and waits for its pressed state to flip; returns the new state. */
async function flip(button: ReturnType<Page['locator']>): Promise<string | null> {
  const before = await button.getAttribute('aria-pressed');
  await button.click();
  // The write queues behind the storm of other writers: this checks the outcome, not the speed.
  await expect
    .poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 })
    .not.toBe(before);
  return button.getAttribute('aria-pressed');
}

/** Opens a tab's card on `term` and clicks its first fact's bookmark `clicks` times. */
async function clickCard(page: Page, term: string, clicks: number): Promise<string | null> {
  await page.mouse.move(2, 2);
  await hoverText(page, 'article', term);
  const button = page.locator('gloss-root button.bookmark').first();
  await button.waitFor();
  let pressed = await button.getAttribute('aria-pressed');
  for (let n = 0; n < clicks; n++) pressed = await flip(button);
  return pressed;
}

test(`${TABS} tabs and the popup write bookmarks at once, ${ROUNDS} rounds: none lost or duplicated`, async () => {
  const popup = await gloss.openPopup('?term=quad');
  await popup.locator('.fact-row').first().waitFor();
  const toggles = new Map<string, number>();
  const count = (key: string) => toggles.set(key, (toggles.get(key) ?? 0) + 1);
  const lastNote = new Map<string, string>();
  const answers: [string, boolean][] = [];
  let writes = 0;
  let cardStates: (string | null)[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const plans = Array.from({ length: TABS + 1 }, (_, w) => plan(w, r));
    for (const op of plans.flat()) {
      if (op.kind === 'toggle') count(op.key);
      else lastNote.set(op.key, op.note);
    }
    for (const card of CARD) for (let n = 0; n < card.clicks[r]!; n++) count(card.key);
    for (const fact of POPUP_CLICKS[r]!) count(`quad/${fact}`);
    writes += plans.flat().length + CARD.reduce((n, c) => n + c.clicks[r]!, 0);
    writes += POPUP_CLICKS[r]!.length;
    // Everyone at the same moment: message storms from each tab's content script and from the
    // popup, real clicks on each tab's card, real clicks in the popup's term page.
    const [messages, cards] = await Promise.all([
      Promise.all([
        ...tabs.map((page, w) =>
          evalInGloss<[string, boolean][]>(
            page,
            `(${RUN_OPS})(${JSON.stringify(plans[w])}, { title: document.title, url: location.href })`,
            30_000,
          ),
        ),
        popup.evaluate(`(${RUN_OPS})(${JSON.stringify(plans[TABS])}, null)`) as Promise<
          [string, boolean][]
        >,
      ]),
      Promise.all(tabs.map((page, w) => clickCard(page, CARD[w]!.term, CARD[w]!.clicks[r]!))),
      (async () => {
        for (const fact of POPUP_CLICKS[r]!)
          await flip(popup.locator(`.fact-row[data-fact="${fact}"] button.bookmark`));
      })(),
    ]);
    answers.push(...messages.flat());
    cardStates = cards;
  }

  const { bookmarks } = (await storedData(gloss)) as {
    bookmarks: {
      items: { termId: string; factId: string; note: string; page: { url: string } | null }[];
    };
  };
  const stored = bookmarks.items.map((b) => `${b.termId}/${b.factId}`);
  // None duplicated, none lost, none extra.
  expect(new Set(stored).size).toBe(stored.length);
  const expected = new Set(NOTED);
  for (const [key, n] of toggles) if (n % 2 === 1) expected.add(key);
  expect(new Set(stored)).toEqual(expected);
  // Each card shows the stored truth.
  expect(cardStates).toEqual(CARD.map((c) => String(expected.has(c.key))));

  // Each toggle's answer agrees with one serial order: saved minus removed is 1 for a kept fact.
  const net = new Map<string, number>();
  for (const [key, saved] of answers) net.set(key, (net.get(key) ?? 0) + (saved ? 1 : -1));
  for (const [key, n] of net)
    if (!CARD.some((c) => c.key === key)) expect(n, key).toBe(expected.has(key) ? 1 : 0);
  // The last note of each writer is the one kept; a tab's private facts name that tab's page.
  for (const b of bookmarks.items) {
    const key = `${b.termId}/${b.factId}`;
    expect(b.note).toBe(lastNote.get(key) ?? '');
    const w = Math.floor(PRIVATE.indexOf(key) / 3);
    if (w >= 0 && w < TABS) expect(b.page?.url).toMatch(new RegExp(`\\?tab=${w}$`));
    if (w === TABS) expect(b.page).toBeNull();
  }
  const kept = stored.length;
  console.log('[reliability] concurrency', JSON.stringify({ writes, kept }));
  expect(writes).toBeGreaterThanOrEqual(200);

  // The popup shows the same list.
  await popup.goto(popup.url().replace(/\?.*$/, '?view=saved'));
  await expect.poll(() => popup.locator('.saved-item').count()).toBe(kept);
  await popup.close();
});

test('settings changed in the popup reach every open tab', async () => {
  const popup = await gloss.openPopup('?view=settings');
  const state = `(() => {
    const s = globalThis.__gloss;
    return { style: s.settings.style, markMode: s.settings.markMode, names: [...CSS.highlights.keys()].sort(),
      painted: s.annotator ? [...s.annotator.store.all()].filter((o) => o.painted).length : 0 };
  })()`;
  const before = await Promise.all(tabs.map((t) => evalInGloss<{ painted: number }>(t, state)));
  await popup.getByRole('radio', { name: 'Background' }).check();
  await popup.getByRole('radio', { name: 'Only the first of each term' }).check();
  for (const [i, tab] of tabs.entries()) {
    await expect
      .poll(() => evalInGloss<Record<string, unknown>>(tab, state))
      .toMatchObject({
        style: 'background',
        markMode: 'first',
        names: ['gloss-active', 'gloss-background'],
      });
    const after = await evalInGloss<{ painted: number }>(tab, state);
    expect(after.painted).toBeLessThan(before[i]!.painted);
  }
  await popup.getByRole('switch', { name: /Mark terms on pages/ }).click();
  for (const tab of tabs)
    await expect.poll(() => evalInGloss(tab, state)).toMatchObject({ names: [], painted: 0 });
  await popup.close();
});
