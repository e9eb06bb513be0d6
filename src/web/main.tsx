import '@mantine/core/styles.css';
import './styles.css';
import { type CSSVariablesResolver, createTheme, darken, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, type RouteObject, RouterProvider } from 'react-router';
import { setSwedishValidationMessages } from '../shared/validation-locale.js';
import { LoginPage } from './auth/LoginPage.js';
import { languageReady } from './i18n/index.js';
import { AppLayout } from './layout/AppLayout.js';
import { PageLoading } from './layout/PageLoading.js';

setSwedishValidationMessages();

// The default shade fails WCAG AA contrast for white text; shade 8 passes.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif',
});

// Mantine's default greys for secondary text and placeholders fail WCAG AA contrast on white, and
// so does the light variant's text (blue 9) on its hover background (blue 2): about 4.0:1.
const readableGreys: CSSVariablesResolver = (mantineTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': mantineTheme.colors.gray[7],
    '--mantine-color-placeholder': mantineTheme.colors.gray[7],
    // The default red of field errors reaches only about 4:1 on white.
    '--mantine-color-error': mantineTheme.colors.red[9],
    '--mantine-color-blue-light-color': darken(mantineTheme.colors.blue[9], 0.25),
  },
  dark: {},
});

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('common.notFound')}</h1>;
}

/**
 * A page whose code, and the libraries only it needs (the editor, charts, the Gantt chart), is fetched
 * when the page is first opened: the login page then starts with a fraction of the app. On a first
 * visit straight to the page, "Laddar…" stands in its place until the code is there.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> {
  return { lazy: async () => ({ Component: await load() }), hydrateFallbackElement: <PageLoading /> };
}

const router = createBrowserRouter([
  // Eager: the page every visitor without a session lands on first.
  { path: '/logga-in', element: <LoginPage /> },
  {
    path: '/valj-losenord',
    ...page(async () => (await import('./invitations/ChoosePasswordPage.js')).ChoosePasswordPage),
  },
  {
    path: '/glomt-losenord',
    ...page(async () => (await import('./invitations/ForgotPasswordPage.js')).ForgotPasswordPage),
  },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/projekt" replace /> },
      { path: 'projekt', ...page(async () => (await import('./projects/ProjectsPage.js')).ProjectsPage) },
      { path: 'projekt/:projectId', ...page(async () => (await import('./projects/ProjectPage.js')).ProjectPage) },
      {
        path: 'projekt/:projectId/tidplan',
        ...page(async () => (await import('./timeline/TimelinePage.js')).TimelinePage),
      },
      { path: 'projekt/:projectId/plan', ...page(async () => (await import('./plan/PlanPage.js')).PlanPage) },
      {
        path: 'projekt/:projectId/revisioner',
        ...page(async () => (await import('./revisions/RevisionsPage.js')).RevisionsPage),
      },
      {
        path: 'projekt/:projectId/organisation',
        ...page(async () => (await import('./organisation/OrganisationPage.js')).OrganisationPage),
      },
      {
        path: 'projekt/:projectId/maluppfoljning',
        ...page(async () => (await import('./measurements/MeasurementsPage.js')).MeasurementsPage),
      },
      {
        path: 'projekt/:projectId/utbildningar',
        ...page(async () => (await import('./trainings/TrainingsPage.js')).TrainingsPage),
      },
      {
        path: 'projekt/:projectId/kommunikation',
        ...page(async () => (await import('./communication/CommunicationPage.js')).CommunicationPage),
      },
      {
        path: 'projekt/:projectId/leverans',
        ...page(async () => (await import('./delivery/DeliveryPage.js')).DeliveryPage),
      },
      {
        path: 'projekt/:projectId/styrning',
        ...page(async () => (await import('./steering/SteeringPage.js')).SteeringPage),
      },
      {
        path: 'projekt/:projectId/avslut',
        ...page(async () => (await import('./closure/ClosurePage.js')).ClosurePage),
      },
      {
        path: 'projekt/:projectId/historik',
        ...page(async () => (await import('./organisation/HistoryPage.js')).HistoryPage),
      },
      { path: 'mina-uppgifter', ...page(async () => (await import('./tasks/MyTasksPage.js')).MyTasksPage) },
      { path: 'portfolj', ...page(async () => (await import('./portfolio/PortfolioPage.js')).PortfolioPage) },
      { path: 'kunder', ...page(async () => (await import('./customers/CustomersPage.js')).CustomersPage) },
      {
        path: 'kunder/:customerId',
        ...page(async () => (await import('./organisation/CustomerPage.js')).CustomerPage),
      },
      {
        path: 'leverantor/personer',
        ...page(async () => (await import('./organisation/VendorPeoplePage.js')).VendorPeoplePage),
      },
      { path: 'konto', ...page(async () => (await import('./two-factor/AccountPage.js')).AccountPage) },
      {
        path: 'leverantor/inloggning',
        ...page(async () => (await import('./sso/IdentityProvidersPage.js')).IdentityProvidersPage),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// After the language: someone who chose English would otherwise see Swedish for a moment.
void languageReady.then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={readableGreys}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
