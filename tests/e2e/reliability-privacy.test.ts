/**
 * Privacy and permissions: while Gloss reads pages, opens cards, searches and bookmarks, the
 * extension makes no network request at all (every request the browser makes is recorded, the
 * service worker's included). The manifest asks for the fewest permissions, the README says what
 * each is for, the bundles hold no eval, and the extension pages run under a strict CSP.
 * See docs/reliability.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  evalInGloss,
  extensionDir,
  hoverText,
  launchGloss,
  reloadExtension,
  repoRoot,
  type Gloss,
} from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

const EXTENSION_CSP = "script-src 'self'; object-src 'self'";

test('reading, cards, search and bookmarks: the extension sends no network request', async () => {
  const seen: { url: string; from: string }[] = [];
  /** Where a request came from; a navigation may start before its frame exists (Playwright throws). */
  const origin = (r: Request): string => {
    if (r.serviceWorker()) return 'service worker';
    try {
      return r.frame()?.url() ?? '';
    } catch {
      return 'a frame being created';
    }
  };
  const record = (r: Request) => seen.push({ url: r.url(), from: origin(r) });
  gloss.context.on('request', record);
  // Start the background afresh under the recorder, so its start-up is watched too.
  await reloadExtension(gloss);

  const page = await gloss.openFixture('demo-article.html');
  for (const term of ['S-400', 'INSTC', 'CAATSA']) {
    await page.mouse.move(2, 2);
    await hoverText(page, 'article', term);
    await page.locator('gloss-root [role=dialog] h2').waitFor();
  }
  await page.locator('gloss-root button.bookmark').first().click();
  await page.locator('gloss-root button.bookmark[aria-pressed=true]').waitFor();
  await page.locator('gloss-root button.link').click(); // "All n facts": the term's page
  const popup = await gloss.openPopup();
  await popup.getByRole('combobox').fill('sputnick');
  await popup.getByRole('option').first().click();
  await popup.locator('button.bookmark').first().click();
  await popup.getByRole('tab', { name: /Saved/ }).click();
  await popup.locator('.saved-item').first().waitFor();
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: /^JSON$/ }).click();
  await (await download).path();

  // The recorder sees the worker's and the content script's requests: one canary from each.
  const canary = `${gloss.origin}/canary`;
  await gloss.worker.evaluate(
    (url) =>
      fetch(`${url}-worker`).then(
        () => 0,
        () => 0,
      ),
    canary,
  );
  await evalInGloss(page, `fetch(${JSON.stringify(`${canary}-content`)}).then(() => 0, () => 0)`);
  await page.waitForTimeout(300);
  gloss.context.off('request', record);

  const canaries = seen.filter((r) => r.url.startsWith(canary));
  expect(canaries.map((r) => r.from).sort()).toEqual([page.url(), 'service worker'].sort());
  // The chrome://extensions page the test drives to reload Gloss is the browser's, not Gloss's.
  const browserUi = (r: { url: string; from: string }) =>
    /^chrome:/.test(r.from) || r.url === 'chrome://extensions/';
  const rest = seen.filter((r) => !r.url.startsWith(canary) && !browserUi(r));
  const own = `chrome-extension://${gloss.extensionId}/`;
  // The page code and the card bundle are served under the session's dynamic address
  // (`use_dynamic_url`): a random id in place of the extension's.
  const dynamicBundle =
    /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/gloss-(main|card)\.js$/;
  const ours = (url: string) =>
    url.startsWith(own) || url.startsWith(`blob:${own}`) || dynamicBundle.test(url);
  // Allowed: the fixture page itself, and the extension's own packaged files (not network).
  const unexpected = rest.filter(
    (r) => !ours(r.url) && !(r.url === page.url() || r.url === `${gloss.origin}/favicon.ico`),
  );
  expect(unexpected).toEqual([]);
  // The worker reads one packaged file, the fact base, and nothing else.
  expect(
    rest.filter((r) => r.from === 'service worker' && r.url !== `${own}fact-base.json`),
  ).toEqual([]);
  const packaged = rest.filter((r) => ours(r.url)).length;
  console.log(
    '[reliability] network',
    JSON.stringify({
      recorded: rest.length,
      packaged,
      page: rest.length - packaged,
      unexpected: 0,
    }),
  );
  await popup.close();
  await page.close();
});

test('a page cannot find Gloss through its web-accessible card bundle', async () => {
  const page = await gloss.openFixture('demo-article.html');
  await hoverText(page, 'article', 'S-400');
  await page.locator('gloss-root [role=dialog] h2').waitFor();
  // Gloss itself loaded the bundle (the card is open); the page tries the same file by the
  // extension's id, as fingerprinting scripts do, and is refused.
  const probe = (url: string) =>
    page.evaluate(
      (u) =>
        fetch(u).then(
          (r) => `status ${r.status}`,
          () => 'refused',
        ),
      url,
    );
  expect(await probe(`chrome-extension://${gloss.extensionId}/gloss-card.js`)).toBe('refused');
  expect(await probe(`chrome-extension://${gloss.extensionId}/gloss.js`)).toBe('refused');
  expect(await probe(`chrome-extension://${gloss.extensionId}/gloss-main.js`)).toBe('refused');
  // Gloss's own import of its page code leaves no trace in the page's resource timing.
  const seen = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name),
  );
  expect(seen.filter((u) => !u.startsWith('http'))).toEqual([]);
  await page.close();
});

test('the extension pages run under a strict CSP: eval and new Function are refused', async () => {
  const popup = await gloss.openPopup();
  const cdp = await gloss.context.newCDPSession(popup);
  const attempt = async (expression: string) => {
    // DevTools may eval past a CSP unless told not to: this runs as the page's own code would.
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      allowUnsafeEvalBlockedByCSP: false,
    });
    return result.exceptionDetails?.exception?.className ?? result.result.value;
  };
  expect(await attempt('1 + 1')).toBe(2);
  expect(await attempt(`eval('1 + 1')`)).toBe('EvalError');
  expect(await attempt(`new Function('return 1')()`)).toBe('EvalError');
  expect(await attempt(`setTimeout('window.__ran = 1'); 'queued'`)).toBe('queued');
  await popup.waitForTimeout(100);
  expect(await attempt('window.__ran ?? null')).toBeNull();
  await cdp.detach();
  await popup.close();
});

/** Every JavaScript file of a build, as text. */
function bundles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.js'))
      out.push({ file: entry, text: readFileSync(join(dir, entry), 'utf8') });
  }
  return out;
}

test('the manifest asks only for storage and the selection menu, with a strict CSP, and the README explains it', () => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  // contextMenus: the "Look up in Gloss" and "Add to my terms" entries for selected text.
  expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
  for (const key of [
    'host_permissions',
    'optional_permissions',
    'optional_host_permissions',
    'externally_connectable',
    'update_url',
  ])
    expect(manifest[key], key).toBeUndefined();
  expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual([
    'http://*/*',
    'https://*/*',
  ]);
  // One web-accessible file, the card bundle the content script imports, and only under the
  // per-session dynamic address, so a page cannot probe for it by the extension's id.
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['gloss-main.js', 'gloss-card.js'],
      matches: ['http://*/*', 'https://*/*'],
      use_dynamic_url: true,
    },
  ]);
  expect(manifest.content_security_policy).toEqual({ extension_pages: EXTENSION_CSP });
  const firefox = join(repoRoot, '.output', 'firefox-mv2', 'manifest.json');
  if (existsSync(firefox)) {
    const mv2 = JSON.parse(readFileSync(firefox, 'utf8'));
    expect(mv2.content_security_policy).toBe(EXTENSION_CSP);
    expect(mv2.permissions.filter((p: string) => !p.includes('://'))).toEqual([
      'storage',
      'contextMenus',
    ]);
  }
  // The README's permissions table names every permission and what it is for.
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions'));
  for (const permission of manifest.permissions) expect(section).toContain(`\`${permission}\``);
  expect(section).toMatch(/http:\/\/.*https:\/\//);
  expect(section).toContain(EXTENSION_CSP);
});

test('the built bundles load no remote code and contain no eval or new Function', () => {
  const files = bundles(extensionDir);
  expect(files.length).toBeGreaterThanOrEqual(3);
  const forbidden = [
    /(?<![\w$.])eval\s*\(/,
    /\bnew\s+Function\s*\(/,
    /(?<![\w$.])Function\s*\(\s*["'`]/,
    /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
    /\bimportScripts\s*\(/,
    /\bimport\s*\(\s*["'`]https?:/,
    /<script[^>]+src=["']?https?:/i,
  ];
  for (const { file, text } of files)
    for (const pattern of forbidden) expect(pattern.test(text), `${file}: ${pattern}`).toBe(false);
  const html = readdirSync(extensionDir).filter((f) => f.endsWith('.html'));
  for (const file of html)
    expect(readFileSync(join(extensionDir, file), 'utf8')).not.toMatch(/src=["']?(https?:)?\/\//);
});
