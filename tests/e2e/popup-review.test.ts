/**
 * The Review tab with the built extension: due saved facts one at a time, graded by keyboard and
 * by mouse, stored as a schedule, and due again when the popup's clock is moved on.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, storedData, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

const DAY = 24 * 60 * 60 * 1000;

/** The popup on its Review tab, with its clock set to `at`. */
async function reviewAt(at: Date) {
  const page = await gloss.context.newPage();
  await page.clock.setFixedTime(at);
  await page.goto(`chrome-extension://${gloss.extensionId}/popup.html?view=review`);
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  return page;
}

test('due facts are reviewed by keyboard and by mouse, and come back when they are due', async () => {
  const setup = await gloss.openPopup();
  for (const [termId, factId] of [
    ['s-400', 'deal-value'],
    ['instc', 'chabahar'],
  ]) {
    const saved = await setup.evaluate(
      (r) => chrome.runtime.sendMessage({ type: 'bookmark:toggle', payload: { ...r, page: null } }),
      { termId, factId },
    );
    expect(saved).toEqual({ ok: true, value: { saved: true } });
  }
  await setup.close();

  const start = new Date(Date.now() + 60_000);
  const page = await reviewAt(start);
  await expect.poll(() => page.getByRole('tab', { name: /Review/ }).textContent()).toBe('Review2');
  await expect.poll(() => page.locator('.review-count').textContent()).toBe('2 due');
  const first = await page.locator('.review-fact').textContent();
  expect(first?.length).toBeGreaterThan(20);
  // The answer waits until asked for: Space shows the term and its source.
  expect(await page.locator('.review-term').count()).toBe(0);
  await page.keyboard.press('Space');
  await expect.poll(() => page.locator('.review-term').count()).toBe(1);
  await page.keyboard.press('3');
  await expect.poll(() => page.locator('.review-count').textContent()).toBe('1 due');
  expect(await page.locator('.review-fact').textContent()).not.toBe(first);
  // The second by mouse, without showing the answer.
  await page.getByRole('button', { name: /^Easy/ }).click();
  await expect
    .poll(() => page.locator('.review-view .empty').textContent())
    .toMatch(/^Nothing to review now\. The next fact is due in \d+ minutes?\.$/);

  const stored = (await storedData(gloss)).reviews as {
    version: number;
    cards: Record<string, { history: { grade: number }[]; card: { due: string } }>;
  };
  expect(stored.version).toBe(1);
  expect(Object.keys(stored.cards).sort()).toEqual(['instc/chabahar', 's-400/deal-value']);
  const grades = Object.values(stored.cards).map((c) => c.history.map((h) => h.grade));
  expect(grades.sort()).toEqual([[3], [4]]);
  await page.close();

  // A month on, both are due again.
  const later = await reviewAt(new Date(start.getTime() + 30 * DAY));
  await expect.poll(() => later.locator('.review-count').textContent()).toBe('2 due');
  await later.close();
});
