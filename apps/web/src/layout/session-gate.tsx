import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { createApollo } from '../api/apollo-client';
import { lazyComponent } from '../lib/lazy-component';
import { useSession } from '../session/use-session';
import { SignInPage } from '../pages/sign-in-page';
import { AppFrame } from './app-frame';
import { FullPageLoader } from './full-page-loader';
import { seedViewer, ViewerProvider } from './viewer';
import type { SessionUser } from '../session/session-api';

let pendingDisposal: ReturnType<typeof setTimeout> | undefined;

const EnrolRequired = lazyComponent(() => import('../pages/two-factor/enrol-required-page').then((m) => m.EnrolRequiredPage));

/**
 * Every page sits behind this: while the session is being resumed a loader, signed out the
 * sign-in page in place (the address stays, so signing in lands where the user meant to go),
 * signed in the app with an Apollo client of its own (nothing cached survives a sign-out).
 */
export function SessionGate() {
  const session = useSession();
  if (session.status === 'starting') return <FullPageLoader label="Opening ReferLoop…" />;
  if (session.status === 'signed-out') return <SignInPage notice={session.notice} />;
  // The account must use two-factor sign-in and has not enrolled: the session may do nothing else.
  if (session.mustEnrolTwoFactor) return <EnrolRequired.Component />;
  // Keyed by user: another user signing in on this browser gets a new client and an empty cache.
  return <SignedIn key={session.user.id} user={session.user} />;
}

function SignedIn({ user }: { user: SessionUser }) {
  const [apollo] = useState(() => {
    const created = createApollo();
    // The first page asks for its own data at once instead of first asking who the viewer is.
    seedViewer(created.client, user);
    return created;
  });
  useEffect(() => {
    // Disposed a tick after unmounting, unless mounted again at once: React's development mode
    // unmounts and remounts every component once, which must not close the live connection.
    clearTimeout(pendingDisposal);
    return () => {
      pendingDisposal = setTimeout(() => {
        apollo.closeLive();
        void apollo.client.clearStore();
      }, 0);
    };
  }, [apollo]);
  return (
    <ApolloProvider client={apollo.client}>
      <ViewerProvider>
        <AppFrame />
      </ViewerProvider>
    </ApolloProvider>
  );
}
