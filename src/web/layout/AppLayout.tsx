import { Anchor, AppShell, Button, Center, Group, Loader, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useLogout, useSession } from '../auth/session.js';
import { changeLanguage, type Language, languages } from '../i18n/index.js';
import { ErrorMessage } from './ErrorMessage.js';

/** Every signed-in page: header with the menu, then the page itself in `main`. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) return <ErrorMessage error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    // A session that ran out sends the user back to where they were; after logging out, whoever
    // logs in next starts afresh instead of on the last user's page.
    const from = logout.isIdle ? { from: location.pathname } : undefined;
    return <Navigate to="/logga-in" replace state={from} />;
  }

  // Customers and the vendor's own people are the vendor admin's; everyone else works in projects.
  const isVendorAdmin = session.data.user.role === 'vendor_admin';
  const isVendor = session.data.user.role !== 'customer';
  const navLink = (to: string, label: string) => (
    <Anchor component={NavLink} to={to} c="white" fw={600} underline="hover" className="nav-link">
      {label}
    </Anchor>
  );

  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <a href="#innehall" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header bg="blue.9" px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xl" wrap="nowrap">
            <Text fw={800} c="white" size="lg">
              {t('app.name')}
            </Text>
            <Group component="nav" aria-label={t('nav.main')} gap="lg">
              {isVendor && navLink('/portfolj', t('nav.portfolio'))}
              {navLink('/projekt', t('nav.projects'))}
              {navLink('/mina-uppgifter', t('tasks.title'))}
              {isVendorAdmin && navLink('/kunder', t('nav.customers'))}
              {isVendorAdmin && navLink('/leverantor/personer', t('nav.vendor'))}
              {isVendorAdmin && navLink('/leverantor/inloggning', t('sso.nav'))}
              <Anchor href="/api/docs" c="white" fw={600} underline="hover">
                {t('nav.apiDocs')}
              </Anchor>
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Anchor component={NavLink} to="/konto" c="white" size="sm" underline="hover" visibleFrom="sm">
              {session.data.user.name}
            </Anchor>
            <NativeSelect
              size="xs"
              aria-label={t('nav.language')}
              value={i18n.language}
              data={languages.map((language) => ({
                value: language,
                label: language === 'sv' ? 'Svenska' : 'English',
              }))}
              onChange={(event) => changeLanguage(event.currentTarget.value as Language)}
            />
            <Button size="xs" variant="white" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="innehall" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
