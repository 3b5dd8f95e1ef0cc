import { Anchor, Text } from '@mantine/core';
import { PublicPage } from '../../layout/public-page';
import { enrolledTwoFactor, signOut } from '../../session/session';
import { TotpEnrolment } from './totp-enrolment';

/**
 * What a user who must use two-factor sign-in (a platform admin, or their clinic requires it)
 * sees after the password until they enrol: nothing else of the app, which would refuse them.
 */
export function EnrolRequiredPage() {
  return (
    <PublicPage title="Turn on two-factor sign-in">
      <Text size="sm">Your account must sign in with a code from an authenticator app as well as your password. Set it up now to carry on.</Text>
      <TotpEnrolment onDone={enrolledTwoFactor} />
      <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
        Sign out instead
      </Anchor>
    </PublicPage>
  );
}
