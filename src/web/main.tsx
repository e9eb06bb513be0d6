import '@mantine/core/styles.css';
import './styles.css';
import { type CSSVariablesResolver, createTheme, darken, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import './i18n/index.js';
import { setSwedishValidationMessages } from '../shared/validation-locale.js';
import { LoginPage } from './auth/LoginPage.js';
import { CustomersPage } from './customers/CustomersPage.js';
import { ChoosePasswordPage } from './invitations/ChoosePasswordPage.js';
import { ForgotPasswordPage } from './invitations/ForgotPasswordPage.js';
import { AppLayout } from './layout/AppLayout.js';
import { CustomerPage } from './organisation/CustomerPage.js';
import { HistoryPage } from './organisation/HistoryPage.js';
import { OrganisationPage } from './organisation/OrganisationPage.js';
import { VendorPeoplePage } from './organisation/VendorPeoplePage.js';
import { PlanPage } from './plan/PlanPage.js';
import { ProjectPage } from './projects/ProjectPage.js';
import { ProjectsPage } from './projects/ProjectsPage.js';
import { RevisionsPage } from './revisions/RevisionsPage.js';
import { IdentityProvidersPage } from './sso/IdentityProvidersPage.js';
import { MyTasksPage } from './tasks/MyTasksPage.js';

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

const router = createBrowserRouter([
  { path: '/logga-in', element: <LoginPage /> },
  { path: '/valj-losenord', element: <ChoosePasswordPage /> },
  { path: '/glomt-losenord', element: <ForgotPasswordPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/projekt" replace /> },
      { path: 'projekt', element: <ProjectsPage /> },
      { path: 'projekt/:projectId', element: <ProjectPage /> },
      {
        path: 'projekt/:projectId/tidplan',
        // The chart library is loaded only by those who open the timeline.
        lazy: async () => ({ Component: (await import('./timeline/TimelinePage.js')).TimelinePage }),
      },
      { path: 'projekt/:projectId/plan', element: <PlanPage /> },
      { path: 'projekt/:projectId/revisioner', element: <RevisionsPage /> },
      { path: 'projekt/:projectId/organisation', element: <OrganisationPage /> },
      {
        path: 'projekt/:projectId/maluppfoljning',
        lazy: async () => ({ Component: (await import('./measurements/MeasurementsPage.js')).MeasurementsPage }),
      },
      {
        path: 'projekt/:projectId/utbildningar',
        lazy: async () => ({ Component: (await import('./trainings/TrainingsPage.js')).TrainingsPage }),
      },
      {
        path: 'projekt/:projectId/kommunikation',
        lazy: async () => ({ Component: (await import('./communication/CommunicationPage.js')).CommunicationPage }),
      },
      {
        path: 'projekt/:projectId/leverans',
        lazy: async () => ({ Component: (await import('./delivery/DeliveryPage.js')).DeliveryPage }),
      },
      {
        path: 'projekt/:projectId/styrning',
        lazy: async () => ({ Component: (await import('./steering/SteeringPage.js')).SteeringPage }),
      },
      {
        path: 'projekt/:projectId/avslut',
        lazy: async () => ({ Component: (await import('./closure/ClosurePage.js')).ClosurePage }),
      },
      { path: 'projekt/:projectId/historik', element: <HistoryPage /> },
      { path: 'mina-uppgifter', element: <MyTasksPage /> },
      {
        path: 'portfolj',
        // The chart library is loaded only by those who open the portfolio.
        lazy: async () => ({ Component: (await import('./portfolio/PortfolioPage.js')).PortfolioPage }),
      },
      { path: 'kunder', element: <CustomersPage /> },
      { path: 'kunder/:customerId', element: <CustomerPage /> },
      { path: 'leverantor/personer', element: <VendorPeoplePage /> },
      { path: 'leverantor/inloggning', element: <IdentityProvidersPage /> },
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
