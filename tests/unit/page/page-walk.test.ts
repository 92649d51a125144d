// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { TextWalker, isSkippedElement } from '../../../components/page/page-walk';

/** The readable text under `root` by plain recursion: what the walker must return, in order. */
function expected(root: Node, language: string): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push((child as Text).data);
      else if (child.nodeType === 1 && !isSkippedElement(child as Element, language)) visit(child);
    }
  };
  visit(root);
  return out;
}

function walk(root: Node, language = 'en'): { texts: string[]; walker: TextWalker } {
  const walker = new TextWalker(root, language);
  const texts: string[] = [];
  for (let t = walker.next(); t; t = walker.next()) texts.push(t.data);
  return { texts, walker };
}

describe('TextWalker', () => {
  test('returns the readable text in document order, stepping over skipped subtrees anywhere', () => {
    document.body.innerHTML = [
      '<code>first child skipped</code>a',
      '<div>b<p>c<span>d</span></p><pre>last child skipped</pre></div>',
      '<section><div><p>e<script>x()</script></p></div></section>',
      '<p lang="fr">fr</p><p lang="hi">hi</p><div contenteditable="true">edit</div>',
      '<div><div><textarea>deep last</textarea></div></div>f<!-- comment -->g',
    ].join('');
    const { texts } = walk(document.body);
    expect(texts).toEqual(expected(document.body, 'en'));
    expect(texts).toEqual(['a', 'b', 'c', 'd', 'e', 'hi', 'f', 'g']);
  });

  test('can stop after any node and go on later', () => {
    document.body.innerHTML = '<p>a<b>b</b></p><pre>x</pre><p>c</p>';
    const walker = new TextWalker(document.body, 'en');
    expect(walker.next()?.data).toBe('a');
    document.body.append('d');
    const rest: string[] = [];
    for (let t = walker.next(); t; t = walker.next()) rest.push(t.data);
    expect(rest).toEqual(['b', 'c', 'd']);
  });

  test('a text root is its own walk; a skipped root-level tree yields nothing', () => {
    const text = document.createTextNode('alone');
    expect(walk(text).texts).toEqual(['alone']);
    document.body.innerHTML = '<pre>only code</pre>';
    expect(walk(document.body).texts).toEqual([]);
  });

  test('collects open shadow roots and custom elements still without one', () => {
    document.body.innerHTML =
      '<x-late>light</x-late><div id="host"></div><x-code><pre>p</pre></x-code>';
    const host = document.getElementById('host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const { texts, walker } = walk(document.body);
    expect(texts).toEqual(['light']);
    expect(walker.shadowRoots).toEqual([shadow]);
    expect(walker.waitingHosts.map((e) => e.localName)).toEqual(['x-late', 'x-code']);
    expect(walk(shadow).texts).toEqual(['inside']);
  });

  test('finds a shadow root on every kind of element that can hold one', () => {
    const tags = ['span', 'p', 'article', 'section', 'h2', 'blockquote', 'main', 'x-card'];
    document.body.innerHTML = tags.map((t) => `<${t}></${t}>`).join('') + '<a>link</a>';
    const roots = tags.map((t) => {
      const shadow = (document.querySelector(t) as Element).attachShadow({ mode: 'open' });
      shadow.textContent = `in ${t}`;
      return shadow;
    });
    const { texts, walker } = walk(document.body);
    expect(texts).toEqual(['link']);
    expect(walker.shadowRoots).toEqual(roots);
    expect(walker.waitingHosts).toEqual([]);
  });
});
