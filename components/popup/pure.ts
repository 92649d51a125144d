/**
 * Components that render again only when their props change. Preact's own `memo` lives in
 * preact/compat, whose import installs React-compatibility hooks on every element the popup
 * creates; this is the small part of it the result list needs.
 */
import { Component, type ComponentChildren, type ComponentType } from 'preact';

/** Whether `a` and `b` have the same keys with identical (`Object.is`) values. */
export function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && Object.is(ra[k], rb[k]));
}

/**
 * `render` as a component that skips rendering (and Preact's diff of what it rendered) when
 * `same(previous props, next props)`: a result row whose term, emphasis and state did not change
 * with a keystroke or an arrow key costs nothing.
 */
export function pure<P extends object>(
  render: (props: P) => ComponentChildren,
  same: (a: P, b: P) => boolean = shallowEqual,
): ComponentType<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }
    override render(props: P): ComponentChildren {
      return render(props);
    }
  };
}
