// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { hoverEnv } from '../../../components/page/hover-env';

/** A paragraph, text slotted into a component, and text directly in a shadow root. */
function page() {
  document.body.innerHTML =
    '<p id="p">Before <a href="#">link</a> after</p><my-card id="host">Slotted text</my-card><div id="bare"></div>';
  const host = document.getElementById('host') as HTMLElement;
  host.attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot></div>';
  const bare = document.getElementById('bare') as HTMLElement;
  bare.attachShadow({ mode: 'open' }).append('In the shadow root');
  const p = document.getElementById('p') as HTMLElement;
  const slot = host.shadowRoot?.querySelector('slot') as HTMLSlotElement;
  const texts = {
    before: p.firstChild as Text,
    link: p.querySelector('a')?.firstChild as Text,
    after: p.lastChild as Text,
    slotted: host.firstChild as Text,
    shadow: bare.shadowRoot?.firstChild as Text,
  };
  return { p, host, slot, bare, texts };
}

test('textNodesOf: an element’s own text nodes, a slot’s assigned text, a host’s shadow text', () => {
  const { p, slot, bare, texts } = page();
  const env = hoverEnv(document, window, { registeredNodes: () => [] });
  expect(env.textNodesOf(p)).toEqual([texts.before, texts.after]);
  expect(env.textNodesOf(p.querySelector('a') as Element)).toEqual([texts.link]);
  expect(env.textNodesOf(slot)).toEqual([texts.slotted]);
  expect(env.textNodesOf(bare)).toEqual([texts.shadow]);
  expect(env.textNodesOf(document)).toEqual([]);
});

test('textNodesOf: too many children to list is null', () => {
  const div = document.createElement('div');
  for (let k = 0; k < 100; k++) div.append(document.createElement('span'), 'text');
  const env = hoverEnv(document, window, { registeredNodes: () => [] });
  expect(env.textNodesOf(div)).toBeNull();
});

test('nearbyTargets: the element a pointer event reports for each marked text node', () => {
  const { p, slot, bare, texts } = page();
  const env = hoverEnv(document, window, {
    registeredNodes: () => [texts.before, texts.after, texts.link, texts.slotted, texts.shadow],
  });
  const targets = [...env.nearbyTargets()];
  expect(targets).toEqual([p, p.querySelector('a'), slot, bare]);
});

test('targetOf: the innermost element, inside open shadow roots too', () => {
  const { p, host } = page();
  const env = hoverEnv(document, window, { registeredNodes: () => [] });
  const seen: (EventTarget | null)[] = [];
  document.addEventListener('pointermove', (e) => seen.push(env.targetOf(e as PointerEvent)));
  const inner = host.shadowRoot?.querySelector('div') as HTMLElement;
  inner.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, composed: true }));
  p.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, composed: true }));
  expect(seen).toEqual([inner, p]);
});
