import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../components/states';
import { PublicPage } from '../../layout/public-page';
import type { AccountLinkKind } from '../../gql/graphql';
import { LinkProblem } from './link-problem';
import { useAccountLink } from './use-account-link';

/** The account an open link is for. */
export interface OpenLink {
  email: string;
  displayName: string;
}

interface Props {
  token: string;
  kind: AccountLinkKind;
  /** The page's title until the link is known to work. */
  title: string;
  /** What the link is, in words: "invitation", "link". */
  what: string;
  /** Said when the link is of the other kind. */
  wrongKind: string;
  /** The way on beside a link that does not work, besides signing in. */
  problemAction?: ReactNode;
  /** The page for an open link of this kind. */
  children: (open: OpenLink) => ReactNode;
}

/**
 * The states of an emailed link's page before it asks for anything: checking, the check failed
 * (with a retry), the link does not work (why, in the server's words), or open, for whom.
 */
export function CheckedLink({ token, kind, title, what, wrongKind, problemAction, children }: Props) {
  const { lookup, retry } = useAccountLink(token);
  if (lookup.status === 'loading') {
    return (
      <PublicPage title={title}>
        <LoadingState label={`Checking your ${what}…`} />
      </PublicPage>
    );
  }
  if (lookup.status === 'failed') {
    return (
      <PublicPage title={title}>
        <ErrorState title={`Your ${what} could not be checked`} error={lookup.error} onRetry={retry} />
      </PublicPage>
    );
  }
  const check = lookup.value;
  if (check.state !== 'OPEN' || check.kind !== kind || !check.email) {
    const problem = check.kind !== null && check.kind !== kind ? wrongKind : (check.problem ?? 'This link is not valid.');
    return (
      <PublicPage title={title}>
        <LinkProblem problem={problem}>{problemAction}</LinkProblem>
      </PublicPage>
    );
  }
  return children({ email: check.email, displayName: check.displayName ?? '' });
}
