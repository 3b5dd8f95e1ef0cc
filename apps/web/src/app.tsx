import { MantineProvider } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';

// Toasts are shown after actions on pages that load later: their code loads with them, not with the first page.
const Toasts = lazy(() => import('./layout/toasts').then((m) => ({ default: m.Toasts })));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </MantineProvider>
  );
}
