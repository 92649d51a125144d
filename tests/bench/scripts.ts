/**
 * The scripts the benchmark runs inside pages, as source text: evaluated by CDP in the page's
 * own world (the competitors, the floor) or in Gloss's isolated world (reading `__gloss`). Kept as
 * plain JavaScript strings so no bundler helper leaks into them.
 */
import { GLOSS_HOST_TAG, SHADOW_HOST_TAGS, SKIPPED_TAGS } from '../../components/page/page-walk';

/** Resolves after two frames and a task: whatever the last change caused has been rendered. */
const FRAMES = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))`;

/** Lets a freshly loaded page finish its first rendering and go quiet. */
export const SETTLE = `(async () => {
  await ${FRAMES};
  await new Promise((r) => setTimeout(r, 250));
  await ${FRAMES};
})()`;

export const MARK_START = `performance.mark('bench:start')`;

/** Isolated world: resolves when the content script has loaded (Gloss switched off or on). */
export const GLOSS_LOADED = `(async () => {
  const deadline = Date.now() + 30000;
  while (!globalThis.__gloss && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!globalThis.__gloss) throw new Error('no Gloss session');
  return globalThis.__glossStartup ?? null;
})()`;

/**
 * Isolated world, before Gloss is switched on: `__benchIdle` resolves (and the `bench:idle` mark
 * is set) as soon as Gloss's first scan is done, from inside Gloss's own last task, so waiting
 * for it adds no work to the page.
 */
export const GLOSS_HOOK = `(() => {
  const s = globalThis.__gloss;
  let ready = s.ready;
  globalThis.__benchIdle = new Promise((resolve) => {
    Object.defineProperty(s, 'ready', {
      configurable: true,
      get: () => ready,
      set: (value) => {
        ready = value;
        Promise.resolve(value)
          .then(() => (s.annotator ? s.annotator.idle() : null))
          .then(() => {
            performance.mark('bench:idle');
            resolve(true);
          });
      },
    });
  });
  return true;
})()`;

/** Isolated world: what Gloss found and did. */
export const GLOSS_STATS = `(() => {
  const s = globalThis.__gloss;
  const st = s.annotator.stats;
  let painted = 0;
  for (const o of s.annotator.store.all()) if (o.painted) painted++;
  return {
    size: s.annotator.store.size,
    painted,
    registered: (CSS.highlights.get('gloss-underline') || { size: 0 }).size,
    busyMs: st.busyMs,
    longestSliceMs: st.longestSliceMs,
    slices: st.slices,
    textNodes: st.textNodes,
    startup: globalThis.__glossStartup ?? null,
  };
})()`;

/** Isolated world: resolves once Gloss has marked the page (tests' style, for set-up only). */
export const GLOSS_READY = `(async () => {
  const deadline = Date.now() + 60000;
  let s = globalThis.__gloss;
  while (!(s && s.annotator) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    s = globalThis.__gloss;
  }
  if (!s || !s.annotator) throw new Error('Gloss did not start');
  await s.ready;
  await s.annotator.idle();
  return s.annotator.store.size;
})()`;

/**
 * Isolated world: up to `count` points in the viewport, alternately on a marked occurrence and on
 * plain text just below it (a pointer crossing a paragraph), for the hover measurement.
 */
export function hoverPoints(count: number): string {
  return `(() => {
    const s = globalThis.__gloss;
    const points = [];
    const range = document.createRange();
    for (const o of s.annotator.store.all()) {
      if (points.length >= ${count}) break;
      range.setStart(o.node, o.start);
      range.setEnd(o.node, o.end);
      const r = range.getClientRects()[0];
      if (!r || r.top < 0 || r.bottom > innerHeight - 40 || r.left < 0 || r.right > innerWidth) continue;
      points.push({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      points.push({ x: r.left + r.width / 2, y: r.top + r.height / 2 + r.height * 1.1 });
    }
    return points;
  })()`;
}

/** Page world: one animation frame. */
export const ONE_FRAME = `new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))`;

export const MARK_END = `performance.mark('bench:end')`;

/**
 * The least a marker that runs as an extension must do before matching a word: walk elements and
 * text from the extension's isolated world, step over the subtrees never marked (code, forms,
 * scripts: Gloss's own list), ask each element that can hold one for its shadow root, and read
 * every text node. The browser makes an object of every node it hands this world the first
 * time, so this costs several times the page's own text-only pass (measured 2026-12-07 on the
 * news-site page: 9.1 against 3.3 ms in a fresh page). A function's source, run in that world.
 */
const WORLD_WALK = `() => {
  const skipped = new Set(${JSON.stringify([...SKIPPED_TAGS, GLOSS_HOST_TAG])});
  const hosts = new Set(${JSON.stringify([...SHADOW_HOST_TAGS])});
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let texts = 0;
  let chars = 0;
  let shadows = 0;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      chars += node.data.length;
      texts++;
      node = walker.nextNode();
      continue;
    }
    const tag = node.localName;
    if (skipped.has(tag)) {
      let next = walker.nextSibling();
      while (!next && walker.parentNode()) next = walker.nextSibling();
      node = next;
      continue;
    }
    if ((hosts.has(tag) || tag.includes('-')) && node.shadowRoot) shadows++;
    node = walker.nextNode();
  }
  globalThis.__benchWalk = { chars, shadows };
  return texts;
}`;

/**
 * Page world: the competitors on the loaded page, timed until layout is done. `variant` is
 * `floor` (a bare TreeWalker pass reading every text node), `walk` (the same pass as Gloss's walk
 * makes it from the extension's world, see `WORLD_WALK`), `markjs-best` (`markRegExp` with one
 * pattern, longest alternatives first) or `markjs-array` (`mark` with the array of names). The
 * names or the pattern are in `window.__benchNames` / `window.__benchPattern` (set beforehand, so
 * moving them into the page is not timed). mark.js runs that pass `deadlineMs` stop there, and
 * their time is extrapolated from the share done (reported as such).
 */
export function competitor(variant: string, deadlineMs: number, expected: number): string {
  return `(async () => {
    const variant = ${JSON.stringify(variant)};
    const t0 = performance.now();
    let count = 0;
    let stopped = false;
    let done = 1;
    let error = null;
    let seen = 0;
    if (variant === 'walk') {
      count = (${WORLD_WALK})();
    } else if (variant === 'floor') {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        chars += n.data.length;
        count++;
      }
      window.__benchChars = chars;
    } else {
      const deadline = t0 + ${deadlineMs};
      const STOP = new Error('deadline');
      const check = () => {
        if (performance.now() > deadline) {
          stopped = true;
          throw STOP;
        }
      };
      const instance = new Mark(document.body);
      try {
        if (variant === 'markjs-best') {
          const pattern = new RegExp(window.__benchPattern, 'g');
          instance.markRegExp(pattern, {
            each: () => {
              count++;
              if ((count & 31) === 0) check();
            },
          });
        } else {
          const names = window.__benchNames;
          let last = null;
          instance.mark(names, {
            separateWordSearch: false,
            accuracy: 'exactly',
            filter: (node, name) => {
              if (name !== last) {
                last = name;
                seen++;
                check();
              }
              return true;
            },
            noMatch: () => {
              seen++;
              check();
            },
            each: () => {
              count++;
            },
          });
          done = seen / names.length;
        }
      } catch (e) {
        // The deadline, or mark.js giving up (its recursion overflows the stack past a few
        // thousand names): either way the time is extrapolated from the share done.
        if (e !== STOP) {
          const message = String((e && e.message) || e);
          // "Invalid regular expression: /…huge pattern…/: Stack overflow": keep the reason.
          error = message.slice(message.lastIndexOf(': ') + 2).slice(0, 80);
        }
        stopped = true;
        if (variant === 'markjs-best') done = Math.max(1, count) / Math.max(1, ${expected});
        else done = Math.max(1e-6, seen / window.__benchNames.length);
      }
    }
    const t1 = performance.now();
    void document.body.offsetHeight;
    const t2 = performance.now();
    return { count, scriptMs: t1 - t0, layoutMs: t2 - t1, stopped, done, error };
  })()`;
}

/**
 * Isolated world, live page: records when every added paragraph is fully marked (all its
 * occurrences found and painted), checking after each change Gloss reports. It runs inside
 * Gloss's own calls, so its time counts as Gloss's script: each check only steps from the last
 * paragraph found marked to its next sibling. (A live collection of the page's paragraphs, as
 * before 2026-12-07, was walked afresh after every change to the page and cost 0.8 ms per 50
 * paragraphs: a tenth of what the benchmark then reported as Gloss's script.)
 */
export const LIVE_TRACK = `(() => {
  const s = globalThis.__gloss;
  const a = s.annotator;
  const feed = document.getElementById('live');
  const marked = new Map();
  const expected = (p) => Number(p.getAttribute('data-n') || 0);
  // Paragraphs arrive in document order, as the feed's children, and are marked in that order:
  // check from the one after the last fully marked.
  let last = null;
  const check = () => {
    const now = performance.now();
    for (let p = last ? last.nextElementSibling : feed.querySelector('.live'); p; p = p.nextElementSibling) {
      let n = 0;
      for (let c = p.firstChild; c; c = c.nextSibling) {
        const text = c.nodeType === 3 ? c : c.firstChild;
        if (text && text.nodeType === 3) for (const o of a.store.get(text)) if (o.painted) n++;
      }
      if (n < expected(p)) break;
      marked.set(p, now);
      last = p;
    }
  };
  a.onChange(check);
  globalThis.__benchLive = { marked, busyAtStart: a.stats.busyMs, batchesAtStart: a.stats.batches };
  return true;
})()`;

/** Isolated world, live page: the per-paragraph marking delay and what Gloss did. */
export const LIVE_RESULT = `(() => {
  const s = globalThis.__gloss;
  const a = s.annotator;
  const live = globalThis.__benchLive;
  const delays = [];
  let unmarked = 0;
  for (const p of document.getElementsByClassName('live')) {
    const at = live.marked.get(p);
    if (at === undefined) unmarked++;
    else delays.push(at - Number(p.dataset.t));
  }
  let painted = 0;
  for (const o of a.store.all()) if (o.painted) painted++;
  return {
    delays,
    unmarked,
    size: a.store.size,
    painted,
    registered: (CSS.highlights.get('gloss-underline') || { size: 0 }).size,
    busyMs: a.stats.busyMs - live.busyAtStart,
    batches: a.stats.batches - live.batchesAtStart,
    longestSliceMs: a.stats.longestSliceMs,
  };
})()`;

/** Page world, live page: adds every paragraph (100 a second); resolves after the last. */
export const LIVE_RUN = `window.__liveStart()`;

/** Highlight ranges the page registers itself for the live page's browser floor. */
export const PAGE_HIGHLIGHTS = 20;

/**
 * Page world, Gloss off: the page registers `count` highlight ranges itself (one word in each of
 * the first text nodes in view, styled like Gloss's underline), the browser's own cost of marks
 * in view while the page changes, with no extension script running at all.
 */
export function pageHighlights(count: number): string {
  return `(() => {
    const style = document.createElement('style');
    style.textContent = '::highlight(bench-marks) { text-decoration: underline dotted 2px rgb(180 86 31 / 0.9); text-underline-offset: 3px; }';
    document.head.append(style);
    const marks = new Highlight();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && marks.size < ${count}; node = walker.nextNode()) {
      const box = node.parentElement?.getBoundingClientRect();
      if (!box || box.bottom < 0 || box.top > innerHeight || node.data.length < 12) continue;
      marks.add(new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 6 }));
    }
    CSS.highlights.set('bench-marks', marks);
    return marks.size;
  })()`;
}

/**
 * Isolated world: where Gloss's painted marks are, as `[text node, start, end]`, the text node
 * counted in document order, so the page can register the very same ranges (`pageRanges`).
 */
export const GLOSS_RANGES = `(() => {
  const index = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) index.set(node, index.size);
  const out = [];
  for (const o of globalThis.__gloss.annotator.store.all()) {
    if (o.painted && index.has(o.node)) out.push([index.get(o.node), o.start, o.end]);
  }
  return out;
})()`;

/** Page world: the style of `pageRanges`' highlight, added before the measured window. */
export const PAGE_RANGES_STYLE = `(() => {
  const style = document.createElement('style');
  style.textContent = '::highlight(bench-marks) { text-decoration: underline dotted 2px rgb(180 86 31 / 0.9); text-underline-offset: 3px; }';
  document.head.append(style);
})()`;

/**
 * Page world: registers `ranges` (from `GLOSS_RANGES`) as one highlight, underlined as Gloss
 * underlines (`PAGE_RANGES_STYLE`), reading no layout: what painting Gloss's marks costs the
 * browser when no extension script runs at all.
 */
export function pageRanges(ranges: readonly (readonly [number, number, number])[]): string {
  return `(() => {
    const wanted = ${JSON.stringify(ranges)};
    const nodes = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const marks = new Highlight();
    for (const [i, start, end] of wanted) {
      const node = nodes[i];
      if (node) marks.add(new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }));
    }
    CSS.highlights.set('bench-marks', marks);
    return marks.size;
  })()`;
}
