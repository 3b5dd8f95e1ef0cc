import { Button, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * What a page that failed to load or threw shows: words and a way on, never a stack trace. The
 * usual cause is a page's code that could not be fetched after a new version was deployed.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Nothing is logged: the console must never receive patient data an error message might carry.
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Stack align="flex-start" maw={480} role="alert">
        <Title order={1} size="h3">
          This page could not be shown
        </Title>
        <Text c="dimmed">If ReferLoop was just updated, reloading fixes it. Nothing you saved is lost.</Text>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    );
  }
}
