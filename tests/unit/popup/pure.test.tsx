// @vitest-environment jsdom
/**
 * Components that skip rendering when their props are unchanged: what lets a keystroke or an
 * arrow key leave the result rows it does not change alone.
 */
import { render } from 'preact';
import { expect, test } from 'vitest';
import { pure, shallowEqual } from '../../../components/popup/pure';

test('shallowEqual compares own keys with Object.is', () => {
  const f = () => undefined;
  expect(shallowEqual({ a: 1, f }, { a: 1, f })).toBe(true);
  expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  expect(shallowEqual({ a: [] }, { a: [] })).toBe(false);
  expect(shallowEqual({ a: NaN }, { a: NaN })).toBe(true);
});

test('a pure component renders again only when its props change (or `same` says so)', () => {
  const renders: string[] = [];
  const Label = pure((props: { text: string; n: number }) => {
    renders.push(props.text);
    return <span>{props.text}</span>;
  });
  const ByText = pure(
    (props: { text: string; n: number }) => {
      renders.push(`by-text ${props.text}`);
      return <b>{props.text}</b>;
    },
    (a, b) => a.text === b.text,
  );
  const root = document.createElement('div');
  const draw = (text: string, n: number) =>
    render(
      <div>
        <Label text={text} n={n} />
        <ByText text={text} n={n} />
      </div>,
      root,
    );
  draw('a', 1);
  draw('a', 1);
  expect(renders).toEqual(['a', 'by-text a']);
  draw('a', 2);
  expect(renders).toEqual(['a', 'by-text a', 'a']);
  draw('b', 2);
  expect(renders).toEqual(['a', 'by-text a', 'a', 'b', 'by-text b']);
  expect(root.textContent).toBe('bb');
  render(null, root);
});
