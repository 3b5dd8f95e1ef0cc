import { Button, Group, Text } from '@mantine/core';

interface Props {
  /** What the server refused that no field shows, in words (placeServerError's answer). */
  failure: string | null;
  submitLabel: string;
  submitting: boolean;
  /** A modal's way out; a page's form has none. */
  onCancel?: () => void;
}

/** The end of a form: a refusal said in words, announced as it appears, then the buttons. */
export function FormFooter({ failure, submitLabel, submitting, onCancel }: Props) {
  return (
    <>
      {failure ? (
        <Text c="red.8" size="sm" role="alert">
          {failure}
        </Text>
      ) : null}
      <Group justify="flex-end">
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" loading={submitting}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
