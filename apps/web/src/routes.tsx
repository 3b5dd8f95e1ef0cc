import { Suspense, type ReactNode } from 'react';
import { matchRoutes, Navigate, Route, Routes } from 'react-router';
import { LoadingState } from './components/states';
import { lazyComponent } from './lib/lazy-component';
import { PageErrorBoundary } from './layout/page-error-boundary';
import { SessionGate } from './layout/session-gate';
import { InboxPage } from './pages/inbox/inbox-page';
import { NotFoundPage } from './pages/not-found-page';

// Pages other than the inbox load on first use. Declarative routes rather than a data router:
// the app loads its data with Apollo, and the data router's code would be a fifth of the first page.
const newReferral = lazyComponent(() => import('./pages/new-referral/new-referral-page').then((m) => m.NewReferralPage));
const referral = lazyComponent(() => import('./pages/referral/referral-page').then((m) => m.ReferralPage));
const patients = lazyComponent(() => import('./pages/patients/patients-page').then((m) => m.PatientsPage));
const patient = lazyComponent(() => import('./pages/patients/patient-page').then((m) => m.PatientPage));
const statistics = lazyComponent(() => import('./pages/statistics/statistics-page').then((m) => m.StatisticsPage));
const failedNotifications = lazyComponent(() => import('./pages/notifications/failed-notifications-page').then((m) => m.FailedNotificationsPage));
const password = lazyComponent(() => import('./pages/account/password-page').then((m) => m.PasswordPage));
const sessions = lazyComponent(() => import('./pages/account/sessions-page').then((m) => m.SessionsPage));
const twoFactor = lazyComponent(() => import('./pages/account/two-factor-page').then((m) => m.TwoFactorPage));
const staff = lazyComponent(() => import('./pages/staff/staff-page').then((m) => m.StaffPage));
const integrations = lazyComponent(() => import('./pages/integrations/integrations-page').then((m) => m.IntegrationsPage));
const onboarding = lazyComponent(() => import('./pages/onboarding/onboarding-page').then((m) => m.OnboardingPage));
const welcome = lazyComponent(() => import('./pages/account-links/welcome-page').then((m) => m.WelcomePage));
const resetPassword = lazyComponent(() => import('./pages/account-links/reset-password-page').then((m) => m.ResetPasswordPage));

/** The pages that load on first use, by the path they answer. */
const LAZY_PAGES: [path: string, page: ReturnType<typeof lazyComponent>][] = [
  ['referrals/new', newReferral],
  ['referrals/:id', referral],
  ['patients', patients],
  ['patients/:id', patient],
  ['statistics', statistics],
  ['notifications', failedNotifications],
  ['staff', staff],
  ['integrations', integrations],
  ['onboarding', onboarding],
  ['account/sessions', sessions],
  ['account/password', password],
  ['account/two-factor', twoFactor],
];

/** The pages of emailed links, which work without being signed in: outside the session gate. */
const PUBLIC_PAGES: [path: string, page: ReturnType<typeof lazyComponent>][] = [
  ['welcome', welcome],
  ['reset-password', resetPassword],
];

/**
 * Starts loading the code of the page at `pathname` (a link opened, a reload) while the session
 * is being resumed, instead of after: the two no longer wait for each other.
 */
export function preloadPageAt(pathname: string): void {
  // Ranked as the router ranks them: /referrals/new is the new-referral page, not a referral.
  const pages = [...LAZY_PAGES, ...PUBLIC_PAGES];
  const route = matchRoutes(pages.map(([path]) => ({ path })), pathname)?.[0]?.route;
  void pages.find(([path]) => path === route?.path)?.[1].preload();
}

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
      {PUBLIC_PAGES.map(([path, { Component: Page }]) => (
        <Route key={path} path={path} element={page(<Page />)} />
      ))}
      <Route element={<SessionGate />}>
        <Route index element={<Navigate to="/referrals" replace />} />
        <Route path="referrals" element={page(<InboxPage />)} />
        {LAZY_PAGES.map(([path, { Component: Page }]) => (
          <Route key={path} path={path} element={page(<Page />)} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
