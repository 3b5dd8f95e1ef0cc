import { Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { PublicPage } from '../../layout/public-page';
import { useLinkToken } from '../../lib/link-token';
import { acceptInvitation } from '../../session/session';
import { CheckedLink } from './checked-link';
import { ChoosePasswordForm } from './choose-password-form';
import { LinkProblem } from './link-problem';

const NO_TOKEN =
  'This page opens from the link in your invitation email. Open that link again; if it no longer works, ask your clinic admin to send a new invitation.';

/**
 * Where an invitation's link lands (`/welcome#<token>`): the invited person chooses a password
 * and is signed in, straight into the app. A link that no longer works says why.
 */
export function WelcomePage() {
  const [token, forgetToken] = useLinkToken();
  const navigate = useNavigate();

  if (token === null) {
    return (
      <PublicPage title="Your invitation">
        <LinkProblem problem={NO_TOKEN} />
      </PublicPage>
    );
  }
  return (
    <CheckedLink
      token={token}
      kind="INVITATION"
      title="Your invitation"
      what="invitation"
      wrongKind="This is a password reset link, not an invitation. Open it from the email it came in."
    >
      {({ email, displayName }) => (
        <PublicPage title={`Welcome, ${displayName}`}>
          <Text size="sm">
            Choose a password for <strong>{email}</strong> to finish setting up your ReferLoop account. You are signed in as soon as it is set.
          </Text>
          <ChoosePasswordForm
            email={email}
            submitLabel="Set password and sign in"
            onSubmit={async (password) => {
              await acceptInvitation(token, password);
              forgetToken();
              await navigate('/referrals', { replace: true });
            }}
          />
        </PublicPage>
      )}
    </CheckedLink>
  );
}
