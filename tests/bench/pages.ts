/**
 * The benchmark's pages, generated deterministically (a seeded generator, no clock, no data from
 * outside the repository), so every run and every build variant sees exactly the same bytes:
 *
 * - `article.html`: a typical news article, about 1,500 words with the site's header, sidebar and
 *   footer around it;
 * - `large.html`: about 2 MB of text in more than 20,000 text nodes, a term every few dozen words;
 * - `news.html`: shaped like a real news site's article page: a deep layout (cards nested a dozen
 *   elements down), a mega menu, related-story cards, a comment thread and a link-farm footer,
 *   thousands of short text nodes and few terms (most of the page's text is not the story);
 * - `live.html`: the article plus a page script that appends 100 paragraphs a second for ten
 *   seconds to its "Latest updates" (below the story, where the reader is not looking: the
 *   marks in view are re-validated by the browser after every change all the same) once the
 *   benchmark calls `window.__liveStart()`.
 *
 * Every page carries mark.js (served from the same folder) so the competitors run on the very
 * same document. The generator counts the terms it places; `verifyPages` checks that count against
 * the page matcher so "every occurrence marked" has an independent expected number.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The pages measured as loaded (the live page is measured as it grows). */
export const STATIC_PAGES = ['article', 'large', 'news'] as const;

/**
 * The article between ad slots: eight ad frames and a tracking pixel, none with anything to read
 * (an image in a link and a script), as news pages carry them. Gloss's content script runs in
 * every frame; this page shows what the frames cost it.
 */
export const AD_FRAMES_PAGE = 'ad-frames.html';
/** The frames on `AD_FRAMES_PAGE`: ad slots and a pixel. */
export const AD_FRAMES = 9;

/** Sizes: `full` is the benchmark; `small` is the smoke test's quick version. */
export type Scale = 'full' | 'small';

export interface PageInfo {
  name: 'article' | 'large' | 'news' | 'live';
  file: string;
  /** Occurrences the page holds once loaded (the live page: before appending). */
  occurrences: number;
  /** Non-blank text nodes, and their characters, once loaded. */
  textNodes: number;
  textChars: number;
  words: number;
  /** Live page only: paragraphs appended, their occurrences, and the append rate per second. */
  live?: { paragraphs: number; occurrences: number; perSecond: number };
}

/**
 * Names that match their term unconditionally (no context rule), in the case the fact base
 * expects, with a few printed variants. Each is one occurrence wherever it is placed.
 */
export const PAGE_TERMS = [
  'INSTC',
  'BrahMos',
  'Brahmos missile',
  'S-400',
  'S400',
  'CAATSA',
  'Chabahar port',
  'Kudankulam',
  'Kudankulam nuclear power plant',
  'Vladivostok',
  'Gaganyaan',
  'Sputnik V',
  'BRICS',
  'Indo-Pacific',
  'strategic autonomy',
  'Jaishankar',
  'S. Jaishankar',
  'Sergei Lavrov',
  'Lavrov',
  'Putin',
  'Vladimir Putin',
  'Narendra Modi',
  'Make in India',
  'Eurasian Economic Union',
  'International North–South Transport Corridor',
  'Power of Siberia',
  'Su-30MKI',
  'Su-30',
  'AK-203',
  'RELOS',
  'Sakhalin-1',
  'Russian Far East',
  'UN Security Council',
  'Shoigu',
  'Rajnath Singh',
  'NATO',
  'EAEU',
  '2+2 dialogue',
  'Kamov helicopters',
  'Igla-S',
] as const;

/** Ordinary news prose; none of these words starts a term's name on its own. */
const WORDS = (
  'the of and to in that said for on with as was by its at from his an were which are this but ' +
  'be has have had not after also new two more over minister government foreign talks officials ' +
  'week year years first would could since between during against while both countries ' +
  'agreement meeting deal plans visit delegation report statement sides support energy oil gas ' +
  'supplies trade exports imports payments currency rupee rouble banks shipping cargo freight ' +
  'rail road analysts experts capital market growth prices billion million percent target data ' +
  'ministry spokesperson press conference leaders relations partnership cooperation security ' +
  'military navy air force army equipment contract delivery deliveries units production joint ' +
  'venture factory technology transfer space mission launch crew training programme projects ' +
  'investment investors companies firms sector reactor fuel power plant construction ' +
  'negotiations framework dialogue ministers officials envoy ambassador embassy counterpart ' +
  'phone call discussed agreed signed announced expected likely however meanwhile according ' +
  'sources told reporters earlier later today yesterday month months quarter record higher lower ' +
  'rise fall steady strong weak global regional long term short issues concerns questions ' +
  'response pressure western partners allies neighbours region border ocean sea port route ' +
  'transit shipment volumes tonnes barrels crude discount buyers sellers insurance freight costs'
).split(' ');

const CAPITALISED = ['Moscow', 'New Delhi', 'India', 'Russia', 'Indian', 'Russian', 'Beijing'];

/** A small seeded generator (mulberry32): the same seed always gives the same page. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes prose; counts the words and the terms it places. */
class Writer {
  words = 0;
  terms = 0;
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `count` words of prose with `terms` term names placed at random word positions. */
  prose(count: number, terms: number, sentenceStart = true): string {
    const at = new Set<number>();
    while (at.size < Math.min(terms, count)) at.add(Math.floor(this.next() * count));
    const out: string[] = [];
    let start = sentenceStart;
    let sinceStop = 0;
    let capitalised = false;
    for (let i = 0; i < count; i++) {
      let word: string;
      const wasCapitalised = capitalised;
      capitalised = false;
      if (at.has(i)) {
        word = this.pick(PAGE_TERMS);
        this.terms++;
      } else if (!wasCapitalised && this.chance(0.06)) {
        // Never two in a row: "India Russia trade" would be a name of its own.
        word = this.pick(CAPITALISED);
        capitalised = true;
      } else {
        word = this.pick(WORDS);
        if (start) word = word.charAt(0).toUpperCase() + word.slice(1);
      }
      start = false;
      sinceStop++;
      // End a sentence now and then; a term is never followed by something that extends its name.
      if (i < count - 1 && sinceStop > 8 && this.chance(0.12)) {
        word += '.';
        start = true;
        sinceStop = 0;
      } else if (i < count - 1 && this.chance(0.05)) {
        word += ',';
      }
      out.push(word);
    }
    this.words += count;
    return escapeHtml(out.join(' '));
  }

  /**
   * A paragraph of about `words` words in five text nodes (two inline elements), with `terms`
   * terms, at least one in the first and in the last text node.
   */
  paragraph(words: number, terms: number, attrs = ''): string {
    const parts = [0.3, 0.1, 0.25, 0.1, 0.25].map((f) => Math.max(2, Math.round(words * f)));
    const share = [1, 0, 0, 0, 1];
    for (let left = terms - 2; left > 0; left--) {
      const k = Math.floor(this.next() * 5);
      share[k] = (share[k] ?? 0) + 1;
    }
    const t = parts.map((n, k) => this.prose(n, share[k] ?? 0, k === 0));
    return `<p${attrs}>${t[0]} <a href="#ref">${t[1]}</a> ${t[2]} <em>${t[3]}</em> ${t[4]}.</p>`;
  }
}

function siteChrome(w: Writer, body: string, title: string, tail = ''): string {
  const nav = Array.from(
    { length: 12 },
    (_, i) => `<li><a href="#s${i}">${w.prose(2, 0)}</a></li>`,
  );
  const side = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="#r${i}">${w.prose(9, i % 3 === 0 ? 1 : 0)}</a></li>`,
  );
  const foot = Array.from({ length: 10 }, (_, i) => `<a href="#f${i}">${w.prose(2, 0)}</a>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 17px/1.6 Georgia, serif; margin: 0; color: #222; }
header, footer { background: #f4f4f4; padding: 8px 24px; }
nav ul { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; margin: 0; padding: 0; }
.wrap { display: flex; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 0 24px; }
main { flex: 1; min-width: 0; }
aside { width: 260px; font-size: 15px; }
</style>
<script src="mark.min.js"></script>
</head>
<body>
<header><nav><ul>${nav.join('')}</ul></nav></header>
<div class="wrap">
<main>
<article>
<h1>${escapeHtml(title)}</h1>
${body}
</article>
</main>
<aside><h2>Related</h2><ul>${side.join('\n')}</ul></aside>
</div>
<footer>${foot.join(' · ')}</footer>
${tail}
</body>
</html>
`;
}

function articleBody(w: Writer): string {
  const out: string[] = [];
  for (let i = 0; i < 22; i++) {
    if (i > 0 && i % 6 === 0) out.push(`<h2>${w.prose(6, 1)}</h2>`);
    out.push(w.paragraph(62, 1 + (i % 2)));
  }
  return out.join('\n');
}

/** `html` wrapped in `depth` nested elements, as component-built sites nest their markup. */
function nest(html: string, depth: number, tag = 'div'): string {
  let out = html;
  for (let d = 0; d < depth; d++) out = `<${tag} class="c${d}">${out}</${tag}>`;
  return out;
}

/**
 * A news site's article page: menus, story, cards and comments nested deep, in thousands of short
 * text nodes, with a term in only a few of them.
 */
function newsPage(w: Writer, scale: Scale): string {
  const cards = scale === 'full' ? 80 : 12;
  const comments = scale === 'full' ? 400 : 30;
  const menu = Array.from({ length: scale === 'full' ? 24 : 4 }, () =>
    nest(
      `<h3>${w.prose(2, 0)}</h3><ul>${Array.from({ length: 10 }, () => `<li><a href="#m">${w.prose(2, 0)}</a></li>`).join('')}</ul>`,
      4,
    ),
  );
  const story: string[] = [];
  for (let i = 0; i < 14; i++) {
    story.push(nest(`<p>${w.prose(55, i % 4 === 1 ? 1 : 0, true)}</p>`, 3));
    if (i % 5 === 4) {
      story.push(nest(`<figure><figcaption>${w.prose(12, 0)}</figcaption></figure>`, 5));
    }
  }
  const card = (i: number) =>
    nest(
      `<span class="kicker">${w.prose(1, 0)}</span><h3><a href="#c">${w.prose(9, i % 10 === 3 ? 1 : 0, true)}</a></h3>` +
        `<p>${w.prose(18, 0, true)}</p><span class="by">${w.prose(2, 0)}</span> · <time>${i + 1} hours ago</time>` +
        `<button>Save</button><button>Share</button>`,
      12,
    );
  const comment = (i: number) =>
    nest(
      `<b>${w.prose(2, 0)}</b> <time>${(i % 59) + 1} min</time><p>${w.prose(14 + (i % 20), i % 50 === 7 ? 1 : 0, true)}</p>` +
        `<button>Reply</button> <button>Like ${i % 13}</button> <button>Report</button>`,
      8,
    );
  const body =
    `<nav class="mega">${menu.join('')}</nav>` +
    `<p class="byline">${w.prose(4, 0)} · <time>7 December 2021</time></p>` +
    nest(story.join('\n'), 6, 'section') +
    `<section class="cards"><h2>More stories</h2>${Array.from({ length: cards }, (_, i) => card(i)).join('\n')}</section>` +
    `<section class="comments"><h2>${comments} comments</h2>${Array.from({ length: comments }, (_, i) => comment(i)).join('\n')}</section>`;
  return siteChrome(w, body, 'Summit in Delhi: what the deals mean');
}

/** The live page's appended paragraphs, as HTML strings, and how many terms they hold. */
function liveParagraphs(count: number): { html: string[]; terms: number } {
  const w = new Writer(7);
  const html: string[] = [];
  for (let i = 0; i < count; i++) {
    html.push(w.paragraph(48, 2, ` class="live" data-i="${i}" data-n="2"`));
  }
  return { html, terms: w.terms };
}

/** The page script of the live page: appends the paragraphs on a 10 ms clock when started. */
export function liveScript(paragraphs: string[], perSecond: number): string {
  const json = JSON.stringify(paragraphs).replace(/</g, '\\u003c');
  return `<script>
(() => {
  const paragraphs = ${json};
  const interval = 1000 / ${perSecond};
  window.__liveStart = () => new Promise((resolve) => {
    const feed = document.getElementById('live');
    const t0 = performance.now();
    let next = 0;
    const timer = setInterval(() => {
      const due = Math.min(paragraphs.length, Math.floor((performance.now() - t0) / interval) + 1);
      for (; next < due; next++) {
        const holder = document.createElement('div');
        holder.innerHTML = paragraphs[next];
        const p = holder.firstChild;
        p.dataset.t = String(performance.now());
        feed.appendChild(p);
      }
      if (next >= paragraphs.length) { clearInterval(timer); resolve(performance.now() - t0); }
    }, interval);
  });
})();
</script>`;
}

/** The text nodes of the generated HTML (our own simple markup: no comments, no CDATA). */
export function textsOf(html: string): string[] {
  const body = html.slice(html.indexOf('<body>')).replace(/<script[^]*?<\/script>/g, '');
  const out: string[] = [];
  for (const m of body.matchAll(/>([^<]+)</g)) {
    const text = (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (text.trim() !== '') out.push(text);
  }
  return out;
}

function countText(html: string): { textNodes: number; textChars: number } {
  const texts = textsOf(html);
  return { textNodes: texts.length, textChars: texts.reduce((sum, t) => sum + t.length, 0) };
}

/** The bare page for the typing floor (see measureTypingFloor). */
export const INPUT_PAGE = 'input.html';

/** Writes the pages (and mark.js) into `dir`; returns what each holds. */
export function generatePages(dir: string, scale: Scale = 'full'): PageInfo[] {
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve('mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
  const pages: PageInfo[] = [];

  const write = (name: PageInfo['name'], html: string, w: Writer, extra: Partial<PageInfo>) => {
    const file = `${name}.html`;
    writeFileSync(join(dir, file), html);
    pages.push({ name, file, occurrences: w.terms, words: w.words, ...countText(html), ...extra });
  };

  const article = new Writer(1);
  const articleHtml = siteChrome(article, articleBody(article), 'India and Russia widen ties');
  write('article', articleHtml, article, {});
  writeFileSync(
    join(dir, 'ad-slot.html'),
    '<!doctype html><html><meta charset="utf-8"><title>Ad</title><body style="margin:0">' +
      '<a href="#"><img width="300" height="250" alt=""></a><script>var served = 1;</script>',
  );
  const slots = Array.from(
    { length: AD_FRAMES - 1 },
    (_, i) => `<iframe src="ad-slot.html?slot=${i}" width="300" height="250" title="Ad"></iframe>`,
  );
  slots.push('<iframe src="ad-slot.html?pixel" width="1" height="1" title=""></iframe>');
  writeFileSync(
    join(dir, AD_FRAMES_PAGE),
    articleHtml.replace('</body>', `${slots.join('')}</body>`),
  );

  const large = new Writer(2);
  const sections: string[] = [];
  const paragraphs = scale === 'full' ? 4200 : 220;
  // Sections of twenty paragraphs under a heading, as long pages are usually marked up.
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) {
      if (i > 0) sections.push('</section>');
      sections.push(`<section>\n<h2 id="s${i / 20}">${large.prose(7, 1)}</h2>`);
    }
    sections.push(large.paragraph(62, 2 + (i % 3)));
  }
  sections.push('</section>');
  write('large', siteChrome(large, sections.join('\n'), 'The long archive'), large, {});

  const news = new Writer(3);
  write('news', newsPage(news, scale), news, {});

  const live = new Writer(1);
  const perSecond = 100;
  const count = scale === 'full' ? 1000 : 100;
  const feed = liveParagraphs(count);
  const liveHtml = siteChrome(
    live,
    `${articleBody(live)}\n<section id="live"><h2>Latest updates</h2></section>`,
    'Live: India and Russia widen ties',
    liveScript(feed.html, perSecond),
  );
  write('live', liveHtml, live, {
    live: { paragraphs: count, occurrences: feed.terms, perSecond },
  });
  // The typing floor: a page with nothing but a search box (not one of the measured pages).
  writeFileSync(
    join(dir, INPUT_PAGE),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Input</title>' +
      '<input role="combobox" aria-label="Search" style="font: 15px system-ui; width: 300px">',
  );
  return pages;
}
