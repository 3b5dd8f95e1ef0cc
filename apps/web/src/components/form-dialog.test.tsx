// @vitest-environment happy-dom
import { CombinedGraphQLErrors } from '@apollo/client';
import { MantineProvider, TextInput } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormDialog } from './form-dialog';

afterEach(cleanup);

const refusal = (field: string, message: string) => new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

/** A dialog with one field of its own (a component, as most dialogs' fields are) whose send is refused as given. */
function renderRefused(refused: CombinedGraphQLErrors) {
  const Field = ({ error }: { error?: string }) => <TextInput label="Reason" error={error} />;
  render(
    <MantineProvider>
      <FormDialog
        title="Decline"
        submitLabel="Decline"
        onClose={() => undefined}
        onSubmit={() => Promise.reject(refused)}
      >
        {(errorOf) => <Field error={errorOf('input.reason')} />}
      </FormDialog>
    </MantineProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
}

describe('FormDialog', () => {
  it('shows a refused field beside that field, worded for a person, and nothing above the buttons', async () => {
    renderRefused(refusal('input.reason', 'input.reason: reason should not be blank'));
    expect(await screen.findByText('Reason should not be blank')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Reason' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a refusal of an input the dialog has no field for above the buttons, so it is never lost', async () => {
    renderRefused(refusal('input.outcome.recommendations.0.suggestedModality', 'suggestedModality must be one of the modalities'));
    expect((await screen.findByRole('alert')).textContent).toBe('Suggested modality must be one of the modalities');
    expect(screen.getByRole('textbox', { name: 'Reason' }).getAttribute('aria-invalid')).not.toBe('true');
  });
});
