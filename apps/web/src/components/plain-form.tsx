import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A form of plain state (the small pages around signing in, which load no form library): its
 * submit runs `onSubmit` instead of navigating, and the page checks the fields itself.
 */
export function PlainForm({ onSubmit, children }: { onSubmit: () => Promise<void>; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <Stack gap="sm">{children}</Stack>
    </form>
  );
}
