import '@mantine/core/styles.css';
import './styles.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import './i18n/index.js';
import { setSwedishValidationMessages } from '../shared/validation-locale.js';
import { LoginPage } from './auth/LoginPage.js';
import { CustomersPage } from './customers/CustomersPage.js';
import { AppLayout } from './layout/AppLayout.js';
import { ProjectPage } from './projects/ProjectPage.js';
import { ProjectsPage } from './projects/ProjectsPage.js';

setSwedishValidationMessages();

// The default shade fails WCAG AA contrast for white text; shade 8 passes.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif',
});

// Mantine's default greys for secondary text and placeholders fail WCAG AA contrast on white.
const readableGreys: CSSVariablesResolver = (mantineTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': mantineTheme.colors.gray[7],
    '--mantine-color-placeholder': mantineTheme.colors.gray[7],
  },
  dark: {},
});

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('common.notFound')}</h1>;
}

const router = createBrowserRouter([
  { path: '/logga-in', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/projekt" replace /> },
      { path: 'projekt', element: <ProjectsPage /> },
      { path: 'projekt/:projectId', element: <ProjectPage /> },
      { path: 'kunder', element: <CustomersPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={readableGreys}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
