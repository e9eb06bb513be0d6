import './portfolio.css';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Portfolio } from '../../shared/portfolio.js';
import { ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { usePortfolio } from './api.js';
import { PortfolioFilters } from './PortfolioFilters.js';
import { PortfolioTable } from './PortfolioTable.js';
import { StepChart } from './StepChart.js';
import { usePortfolioView } from './useView.js';
import {
  countPerStep,
  filterRows,
  isFiltered,
  noFilters,
  type PortfolioView,
  sortedBy,
  sortRows,
  supportersOf,
} from './view.js';

/** `/portfolj`: the vendor's view over every customer project, filtered and sorted, the view kept in the address. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isVendor = session.data ? session.data.user.role !== 'customer' : false;
  const portfolio = usePortfolio(isVendor);
  const forbidden = portfolio.error instanceof ApiError && portfolio.error.status === 403;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('portfolio.title')}</Title>
        {isVendor && <Text c="gray.7">{t('portfolio.intro')}</Text>}
      </div>
      {session.data && (!isVendor || forbidden) ? (
        <Alert color="blue" role="status" title={t('portfolio.onlyVendorTitle')}>
          <Text size="sm">{t('portfolio.onlyVendor')}</Text>
          <Anchor component={Link} to="/projekt" size="sm" underline="always" c="blue.9" fw={600}>
            {t('portfolio.toProjects')}
          </Anchor>
        </Alert>
      ) : portfolio.isError ? (
        <ErrorMessage error={portfolio.error} onRetry={() => portfolio.refetch()} />
      ) : !portfolio.data ? (
        <Text>{t('common.loading')}</Text>
      ) : portfolio.data.items.length === 0 ? (
        <EmptyPortfolio canAddCustomers={session.data?.user.role === 'vendor_admin'} />
      ) : (
        <PortfolioOverview portfolio={portfolio.data} />
      )}
    </Stack>
  );
}

function EmptyPortfolio({ canAddCustomers }: { canAddCustomers: boolean }) {
  const { t } = useTranslation();
  return (
    <Text>
      {t('portfolio.empty')}{' '}
      {canAddCustomers && (
        <Anchor component={Link} to="/kunder" underline="always">
          {t('portfolio.toCustomers')}
        </Anchor>
      )}
    </Text>
  );
}

function PortfolioOverview({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const [view, setView] = usePortfolioView();
  const rows = portfolio.items;
  const { search, supporter, step, health } = view;
  const shown = useMemo(() => sortRows(filterRows(rows, view), view), [rows, view]);
  // The chart answers "where are the projects I am looking at?", so every filter but the step applies.
  const chartRows = useMemo(() => filterRows(rows, { search, supporter, health }), [rows, search, supporter, health]);
  const counts = useMemo(() => countPerStep(chartRows, portfolio.steps), [chartRows, portfolio.steps]);
  const closedCount = chartRows.filter((row) => row.phase === 'operations').length;
  const filter = useCallback(
    (patch: Partial<PortfolioView>) => setView((current) => ({ ...current, ...patch })),
    [setView],
  );
  const chooseStep = useCallback(
    (chosen: number) => setView((current) => ({ ...current, step: current.step === chosen ? undefined : chosen })),
    [setView],
  );

  return (
    <>
      <StepChart counts={counts} closedCount={closedCount} chosenStep={step} onChoose={chooseStep} />
      <PortfolioFilters view={view} steps={portfolio.steps} supporters={supportersOf(rows)} onChange={filter} />
      <Stack gap="sm" component="section" aria-labelledby="projekten">
        <Title order={2} id="projekten">
          {t('portfolio.table.title')}
        </Title>
        <Text role="status" fw={600}>
          {t('portfolio.filters.showing', { shown: shown.length, total: rows.length })}
        </Text>
        {shown.length === 0 ? (
          <Text>
            {t('portfolio.filters.noMatch')}{' '}
            {isFiltered(view) && (
              <Button variant="subtle" size="compact-md" onClick={() => filter(noFilters)}>
                {t('portfolio.filters.clear')}
              </Button>
            )}
          </Text>
        ) : (
          <PortfolioTable rows={shown} view={view} onSort={(key) => setView((current) => sortedBy(current, key))} />
        )}
      </Stack>
    </>
  );
}
