/**
 * axe-core in a Playwright page: the violations of WCAG 2.1 A/AA and best-practice rules, as
 * "rule: targets", so a failing test lists each rule with the elements it found.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe's violations in `page` (only inside Gloss's card when `card`). */
export async function axeViolations(page: Page, card = false): Promise<string[]> {
  // DevTools evaluation is not subject to the extension page's CSP, so axe runs in the popup too.
  await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, card }) => {
      const w = window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      };
      const context = card ? { include: { fromShadowDom: ['gloss-root', '.card'] } } : document;
      const result = await w.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    },
    { tags: TAGS, card },
  );
}
