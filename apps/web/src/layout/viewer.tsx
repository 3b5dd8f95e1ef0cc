import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerClinicQuery, ViewerQuery } from '../gql/graphql';
import { FullPageLoader } from './full-page-loader';
import { ErrorState } from '../components/states';

const VIEWER = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      role
      clinicId
      providerId
    }
  }
`);

const VIEWER_CLINIC = graphql(`
  query ViewerClinic($id: ID!) {
    clinic(id: $id) {
      id
      name
      timeZone
      location {
        latitude
        longitude
      }
    }
  }
`);

export type ViewerUser = ViewerQuery['me'];

export interface Viewer {
  user: ViewerUser;
  clinic: ViewerClinicQuery['clinic'] | null;
  /** Every time on screen is shown in this zone, named: the clinic's, or this browser's for platform admins. */
  timeZone: string;
  isProvider: boolean;
  isPlatformAdmin: boolean;
  isClinicAdmin: boolean;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ children }: { children: ReactNode }) {
  const me = useQuery(VIEWER, { fetchPolicy: 'cache-first' });
  const clinicId = me.data?.me.clinicId ?? null;
  const clinic = useQuery(VIEWER_CLINIC, { variables: { id: clinicId ?? '' }, skip: !clinicId, fetchPolicy: 'cache-first' });

  const error = me.error ?? clinic.error;
  if (error && !me.data) return <ErrorState title="ReferLoop could not load your account" error={error} onRetry={() => void me.refetch()} />;
  if (!me.data || (clinicId && !clinic.data)) return <FullPageLoader label="Loading your account…" />;

  const user = me.data.me;
  const viewer: Viewer = {
    user,
    clinic: clinic.data?.clinic ?? null,
    timeZone: clinic.data?.clinic.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
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
