import { createElement, lazy, type ComponentType } from 'react';

/**
 * A component whose code loads on first use; `preload` starts loading it sooner, once. Once its
 * code is here (preloaded, or from an earlier use) it renders at once: React.lazy alone would
 * still suspend for a moment, and React keeps a loading state it has put on screen for at least
 * 300 ms before revealing what replaced it.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<ComponentType<Props>> | undefined;
  let loaded: ComponentType<Props> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const Component = (props: Props) => (loaded ? createElement(loaded, props) : <Lazy {...props} />);
  return { Component, preload };
}
