import type { DocumentNode } from 'graphql';
import type { ReactNode } from 'react';
import type { ReferralDetailFragment } from '../../../gql/graphql';

export type FormValues = Record<string, unknown>;

/** What a field component gets: its value, its setter and the server's message for it, if any. */
export interface FieldProps {
  values: FormValues;
  set: (name: string, value: unknown) => void;
  /** The message for `input.<name>` from a BAD_USER_INPUT answer. */
  errorOf: (name: string) => string | undefined;
  referral: ReferralDetailFragment;
  timeZone: string;
}

/** One action's dialog: its words, its fields and how its values become the mutation's input. */
export interface ActionForm {
  title: string;
  /** What will happen, in a sentence, above the fields. */
  explain: (referral: ReferralDetailFragment) => string;
  submitLabel: string;
  danger?: boolean;
  mutation: DocumentNode;
  initialValues?: (referral: ReferralDetailFragment, timeZone: string) => FormValues;
  Fields?: (props: FieldProps) => ReactNode;
  /** The input besides id and expectedVersion; may throw an Error whose message is shown (local validation). */
  toInput?: (values: FormValues, timeZone: string) => Record<string, unknown>;
}
