import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoadingState } from './components/states';
import { PageErrorBoundary } from './layout/page-error-boundary';
import { SessionGate } from './layout/session-gate';
import { InboxPage } from './pages/inbox/inbox-page';
import { NotFoundPage } from './pages/not-found-page';

// Pages other than the inbox load on first use. Declarative routes rather than a data router:
// the app loads its data with Apollo, and the data router's code would be a fifth of the first page.
const NewReferralPage = lazy(() => import('./pages/new-referral/new-referral-page').then((m) => ({ default: m.NewReferralPage })));
const ReferralPage = lazy(() => import('./pages/referral/referral-page').then((m) => ({ default: m.ReferralPage })));
const PatientsPage = lazy(() => import('./pages/patients/patients-page').then((m) => ({ default: m.PatientsPage })));
const PatientPage = lazy(() => import('./pages/patients/patient-page').then((m) => ({ default: m.PatientPage })));
const StatisticsPage = lazy(() => import('./pages/statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })));
const FailedNotificationsPage = lazy(() => import('./pages/notifications/failed-notifications-page').then((m) => ({ default: m.FailedNotificationsPage })));
const OnboardingPage = lazy(() => import('./pages/onboarding/onboarding-page').then((m) => ({ default: m.OnboardingPage })));

const page = (element: ReactNode) => (
  <PageErrorBoundary>
    <Suspense fallback={<LoadingState label="Loading…" />}>{element}</Suspense>
  </PageErrorBoundary>
);

/**
 * Paths hold ids only, never a patient's name or anything else from the record: a URL ends up in
 * browser history, proxy logs and screenshots.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SessionGate />}>
        <Route index element={<Navigate to="/referrals" replace />} />
        <Route path="referrals" element={page(<InboxPage />)} />
        <Route path="referrals/new" element={page(<NewReferralPage />)} />
        <Route path="referrals/:id" element={page(<ReferralPage />)} />
        <Route path="patients" element={page(<PatientsPage />)} />
        <Route path="patients/:id" element={page(<PatientPage />)} />
        <Route path="statistics" element={page(<StatisticsPage />)} />
        <Route path="notifications" element={page(<FailedNotificationsPage />)} />
        <Route path="onboarding" element={page(<OnboardingPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
