import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * Mantine's PasswordInput, saying so to assistive technology when it is in error: Mantine 9 marks
 * its inner input with data-invalid and links the message, but sets no aria-invalid, so a screen
 * reader would not call the field invalid. Every password field of the app is this one.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
