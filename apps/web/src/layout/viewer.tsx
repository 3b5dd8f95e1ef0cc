import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { FullPageLoader } from './full-page-loader';
import { ErrorState } from '../components/states';

// The user and their clinic in one round trip: every page waits for the viewer before it asks for anything.
const VIEWER = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      role
      clinicId
      providerId
      clinic {
        id
        name
        timeZone
        location {
          latitude
          longitude
        }
      }
    }
  }
`);

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
    clinic: clinic ?? null,
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
