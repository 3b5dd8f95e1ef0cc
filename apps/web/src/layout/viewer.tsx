import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { FullPageLoader } from './full-page-loader';
import { ErrorState } from '../components/states';
import type { SessionUser } from '../session/session-api';

// The user and their clinic in one round trip, and usually none: the session's answer put them in the cache (seedViewer).
const VIEWER = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

/** Puts the signed-in user, as signing in or renewing answered, where the Viewer query finds it. */
export function seedViewer(client: ApolloClient, user: SessionUser): void {
  client.writeQuery({ query: VIEWER, data: { me: user } });
}

export type ViewerUser = Omit<ViewerQuery['me'], 'clinic'>;

export interface Viewer {
  user: ViewerUser;
  clinic: ViewerQuery['me']['clinic'];
  /** Every time on screen is shown in this zone, named: the clinic's, or this browser's for platform admins. */
  timeZone: string;
  isProvider: boolean;
  isPlatformAdmin: boolean;
  isClinicAdmin: boolean;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ children }: { children: ReactNode }) {
  const me = useQuery(VIEWER, { fetchPolicy: 'cache-first' });
  if (me.error && !me.data) return <ErrorState title="ReferLoop could not load your account" error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <FullPageLoader label="Loading your account…" />;

  const { clinic, ...user } = me.data.me;
  const viewer: Viewer = {
    user,
    clinic,
    timeZone: clinic?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    isProvider: user.role === 'PROVIDER',
    isPlatformAdmin: user.role === 'PLATFORM_ADMIN',
    isClinicAdmin: user.role === 'CLINIC_ADMIN',
  };
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}
