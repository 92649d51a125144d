import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { createJiti } from 'jiti';
import license from 'rollup-plugin-license';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { parseFactBase, type FactBase } from './data/fact-base';
import { buildMatcherIndex } from './components/shared/matcher-index';
import { buildSearchIndex } from './components/search/search-index';
import { syntheticTerms } from './data/synthetic-terms';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));

/**
 * The popup's prerender renders the Popup component, which is TSX: the loader WXT reads this file
 * with has no JSX, so that module is loaded on demand through a loader that has it (Preact's).
 */
const loadPrerender = () =>
  createJiti(import.meta.url, {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  }).import<typeof import('./components/popup/popup-prerender')>(
    './components/popup/popup-prerender.ts',
  );

/** Reads and validates `data/`; `GLOSS_EXTRA_TERMS` adds synthetic terms (benchmark builds only). */
function readFactBase(): FactBase {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(`${dataDir}terms`)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    files[name] = JSON.parse(readFileSync(`${dataDir}terms/${name}`, 'utf8'));
  }
  const base = parseFactBase(files, JSON.parse(readFileSync(`${dataDir}sources.json`, 'utf8')));
  const extra = Number(process.env.GLOSS_EXTRA_TERMS ?? 0);
  if (extra > 0) base.terms.push(...syntheticTerms(extra));
  return base;
}

/**
 * Serves the fact base and the two indexes derived from it as virtual modules, computed once per
 * build, so neither a page nor the popup spends time building them. JSON.parse of a string
 * literal is the fastest way V8 loads a large object.
 */
function glossData(): Plugin {
  const prefix = 'virtual:gloss/';
  let cached: FactBase | undefined;
  return {
    name: 'gloss-data',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      for (const name of readdirSync(`${dataDir}terms`))
        this.addWatchFile(`${dataDir}terms/${name}`);
      cached ??= readFactBase();
      const which = id.slice(prefix.length + 1);
      const value =
        which === 'matcher-index'
          ? buildMatcherIndex(cached.terms)
          : which === 'search-index'
            ? buildSearchIndex(cached.terms)
            : undefined;
      if (value === undefined) throw new Error(`Unknown virtual module ${id}`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
    watchChange() {
      cached = undefined;
    },
    // The popup's first screen and its style sheet go into popup.html, so the browser paints
    // them without waiting for the script (see components/popup/popup-prerender.ts).
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('popup/index.html')) return html;
        const { inlineStylesheet, prerenderPopup } = await loadPrerender();
        cached ??= readFactBase();
        let out = html.replace(
          '<div id="app"></div>',
          `<div id="app">${prerenderPopup(buildSearchIndex(cached.terms))}</div>`,
        );
        for (const file of Object.values(ctx.bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
          const inlined = inlineStylesheet(out, `/${file.fileName}`, String(file.source));
          if (inlined !== out) delete ctx.bundle[file.fileName];
          out = inlined;
        }
        return out;
      },
    },
  };
}

/**
 * The third-party code the build bundles, gathered over WXT's builds (one per group of
 * entrypoints) and written once as THIRD-PARTY-NOTICES.txt beside the manifest, so the notices
 * ship with the code they are for.
 */
const bundled = new Map<string, string>();
const collectLicenses = () =>
  license({
    thirdParty: (dependencies) => {
      for (const d of dependencies) {
        const text = [
          `${d.name}@${d.version} (${d.license ?? 'license not stated'})`,
          d.licenseText ?? '',
          d.noticeText ?? '',
        ]
          .filter(Boolean)
          .join('\n\n');
        bundled.set(`${d.name}@${d.version}`, text.trim());
      }
    },
  });

function thirdPartyNotices(): string {
  const entries = [...bundled.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const rule = '-'.repeat(72);
  return [
    'Gloss bundles the following third-party software. Each is listed with its licence.',
    ...entries.map(([, text]) => `${rule}\n${text}`),
    '',
  ].join('\n\n');
}

/** The pages Gloss reads. */
const PAGE_MATCHES = ['http://*/*', 'https://*/*'];

/**
 * The scripts that run in web pages: the content script, the page code it imports at once, and
 * the card UI that code loads on demand.
 */
const PAGE_SCRIPTS = ['gloss', 'gloss-main', 'gloss-card'];

/** The bundles the content script imports: web-accessible, so that `import()` may load them. */
const PAGE_MODULES = ['gloss-main.js', 'gloss-card.js'];

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints, Chrome 136): every
 * function of the file is compiled when the file is, instead of when first called. The page code
 * is a streamed module (see entrypoints/gloss.ts), so that compiling happens on a background
 * thread; browsers without the hint read a comment. It must be the file's first line, so it is
 * added after minifying, which drops comments.
 */
function compileHint(fileName: string): Plugin {
  return {
    name: 'gloss-compile-hint',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

/** The extension pages' Content-Security-Policy (the popup and the background). */
const EXTENSION_CSP = "script-src 'self'; object-src 'self'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: every file shows what it uses.
  imports: false,
  vite: () => ({
    plugins: [preact(), glossData(), collectLicenses(), compileHint('gloss-main.js')],
    build: { target: 'es2022' },
    // Benchmark builds post each first scan's figures to the page (entrypoints/gloss.ts).
    define: { __GLOSS_BENCH__: JSON.stringify(process.env.GLOSS_BENCH === '1') },
  }),
  hooks: {
    'build:done'(wxt) {
      writeFileSync(join(wxt.config.outDir, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices());
    },
    // The fact base ships once, as a packaged file the background and the popup both read
    // (components/shared/fact-base-file.ts).
    'build:publicAssets'(_wxt, files) {
      files.push({ relativeDest: 'fact-base.json', contents: JSON.stringify(readFactBase()) });
    },
    // The content script and the card bundle it loads use the browser's own API
    // (components/page/page-browser.ts): point anything importing `wxt/browser` there at the
    // native object in their builds only. Every other entrypoint keeps webextension-polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => PAGE_SCRIPTS.includes(e.name))) return;
      const alias = config.resolve?.alias ?? {};
      const rest = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({
            find,
            replacement: String(replacement),
          }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: 'wxt/browser', replacement: '@wxt-dev/browser' }, ...rest],
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Gloss',
    description:
      'Fact cards for India–Russia terms on news pages: hover INSTC, S-400 or CAATSA to see sourced facts. Works offline.',
    // contextMenus: the "Look up in Gloss" and "Add to my Gloss terms" entries for selected text.
    permissions: ['storage', 'contextMenus'],
    // Declared here rather than through WXT's content-script entrypoint: see entrypoints/gloss.ts.
    // Same-origin frames (embedded live blogs) are read too; each frame runs its own session.
    content_scripts: [
      {
        matches: PAGE_MATCHES,
        js: ['gloss.js'],
        css: ['gloss.css'],
        all_frames: true,
        run_at: 'document_idle',
      },
    ],
    // The bundles the content script imports: the page code at once, the card UI when the reader
    // first points at a term. Chromium serves them under a per-session address, so pages cannot
    // probe for Gloss with them.
    web_accessible_resources:
      manifestVersion === 2
        ? PAGE_MODULES
        : [
            {
              resources: PAGE_MODULES,
              matches: PAGE_MATCHES,
              ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
            },
          ],
    // CSS light-dark() in the card and popup; the highlight API itself is older (105).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    // Stricter than the default: only the extension's own scripts, and no WebAssembly eval.
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Go to the next marked term on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss-extension',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
