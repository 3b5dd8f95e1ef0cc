import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { cacheTypePolicies } from '../../api/cache-policies';
import { ViewerDocument, type UserRole } from '../../gql/graphql';
import { ViewerProvider } from '../../layout/viewer';

export const CLINIC = {
  __typename: 'Clinic',
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Lakeside Physio',
  timeZone: 'America/Chicago',
  location: { __typename: 'GeoPoint', latitude: 41.88, longitude: -87.63 },
} as const;

interface Options {
  role: UserRole;
  mocks?: MockLink.MockedResponse[];
  /** The address the page is at, and the route pattern it answers (for useParams). */
  path?: string;
  route?: string;
  providerId?: string | null;
  /** Other routes the page may lead to, to check where a link or navigation went. */
  otherRoutes?: { path: string; element: ReactNode }[];
}

/**
 * Renders a page as the app does, for component tests: Mantine, Apollo with the app's cache
 * policies and mocked answers, a router, and the signed-in viewer (its query mocked).
 */
export function renderPage(page: ReactNode, { role, mocks = [], path = '/', route = '*', providerId = null, otherRoutes = [] }: Options) {
  const clinicId = role === 'PLATFORM_ADMIN' ? null : CLINIC.id;
  const viewerMocks: MockLink.MockedResponse[] = [
    {
      request: { query: ViewerDocument },
      result: {
        data: { me: { __typename: 'User', id: 'u-1', displayName: 'Dana Admin', email: 'dana@example.com', role, clinicId, providerId, clinic: clinicId ? CLINIC : null } },
      },
    },
  ];
  return render(
    <MantineProvider>
      <MockedProvider mocks={[...viewerMocks, ...mocks]} cache={new InMemoryCache({ typePolicies: cacheTypePolicies })}>
        <MemoryRouter initialEntries={[path]}>
          <ViewerProvider>
            <Routes>
              <Route path={route} element={page} />
              {otherRoutes.map((other) => (
                <Route key={other.path} path={other.path} element={other.element} />
              ))}
            </Routes>
          </ViewerProvider>
        </MemoryRouter>
      </MockedProvider>
    </MantineProvider>,
  );
}
