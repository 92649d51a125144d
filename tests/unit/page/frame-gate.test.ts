// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RECHECK_MS, hasReadableText, loadWhenReadable } from '../../../components/page/frame-gate';

/** A document with `body` as its body's markup. */
function docWith(body: string): Document {
  const doc = document.implementation.createHTMLDocument('frame');
  doc.body.innerHTML = body;
  return doc;
}

describe('a frame’s readable text', () => {
  test.each([
    [
      'an ad slot: an image in a link, a script',
      '<a href="#"><img alt=""></a><script>x()</script>',
    ],
    ['a tracking pixel', ''],
    ['white space only', '\n  <div>  </div>\t'],
    ['styles and fallbacks', '<style>p{}</style><noscript>Turn on JavaScript</noscript>'],
    ['a form field’s own text', '<textarea>draft</textarea>'],
  ])('none in %s', (_name, body) => {
    expect(hasReadableText(docWith(body))).toBe(false);
  });

  test.each([
    ['a line of text', '<p>10:02 Lavrov arrives.</p>'],
    ['text after an unread element', '<script>x()</script><div><span>S-400</span></div>'],
    ['text in a later sibling of a nested script', '<div><div><style></style></div></div>Quad'],
    ['a custom element (its shadow tree may hold text)', '<tweet-embed></tweet-embed>'],
  ])('some in %s', (_name, body) => {
    expect(hasReadableText(docWith(body))).toBe(true);
  });

  test('an element with an open shadow root counts, whatever its name', () => {
    const doc = docWith('<div id="host"></div>');
    doc.getElementById('host')?.attachShadow({ mode: 'open' });
    expect(hasReadableText(doc)).toBe(true);
  });
});

describe('loading the page code', () => {
  afterEach(() => vi.useRealTimers());

  /** A frame's window: its own document, and a top window that is not itself. */
  function frameWindow(doc: Document, top: unknown = {}): Window & typeof globalThis {
    // Only what the gate reads of a window.
    return {
      document: doc,
      top,
      MutationObserver: window.MutationObserver,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    } as unknown as Window & typeof globalThis;
  }

  test('the top page loads at once, even with nothing to read yet', () => {
    const win = frameWindow(docWith(''));
    Object.assign(win, { top: win });
    const load = vi.fn();
    loadWhenReadable(win, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a frame with text loads at once', () => {
    const load = vi.fn();
    loadWhenReadable(frameWindow(docWith('<p>INSTC</p>')), load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('an empty frame waits, through changes without text, for text to arrive', async () => {
    vi.useFakeTimers();
    const doc = docWith('');
    const load = vi.fn();
    loadWhenReadable(frameWindow(doc), load);
    expect(load).not.toHaveBeenCalled();
    // An ad script swapping images: checked once the changes settle, then watched again.
    doc.body.append(doc.createElement('img'));
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(RECHECK_MS);
    expect(load).not.toHaveBeenCalled();
    // The embed renders its post.
    const post = doc.createElement('p');
    post.textContent = '10:15 Jaishankar greets him.';
    doc.body.append(post);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(RECHECK_MS);
    expect(load).toHaveBeenCalledTimes(1);
    // Loaded once: later changes are the page code's to watch.
    doc.body.append('more');
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(RECHECK_MS * 2);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
