// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyComponent } from './lazy-component';

afterEach(cleanup);

/** A component whose "code" arrives when the test says, and how many times it was asked for. */
function slowCode() {
  let arrive = () => {};
  const asked = { times: 0 };
  const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;
  const load = () => {
    asked.times += 1;
    return new Promise<typeof Greeting>((resolve) => {
      arrive = () => resolve(Greeting);
    });
  };
  return { load, asked, arrive: () => arrive() };
}

const inSuspense = (node: React.ReactNode) => <Suspense fallback={<p>Loading…</p>}>{node}</Suspense>;

describe('lazyComponent', () => {
  it('renders at once, never showing the loading state, once its code has been preloaded', async () => {
    const code = slowCode();
    const { Component, preload } = lazyComponent(code.load);
    const preloaded = preload();
    code.arrive();
    await preloaded;
    // No waiting: React.lazy alone would show the loading state here, then hold it for 300 ms.
    render(inSuspense(<Component name="Lee" />));
    expect(screen.getByText('Hello Lee')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('shows the loading state until its code arrives when it was not preloaded, and loads the code once', async () => {
    const code = slowCode();
    const { Component, preload } = lazyComponent(code.load);
    render(inSuspense(<Component name="Ana" />));
    expect(screen.getByText('Loading…')).toBeTruthy();
    void preload();
    code.arrive();
    expect(await screen.findByText('Hello Ana')).toBeTruthy();
    expect(code.asked.times).toBe(1);
  });
});
