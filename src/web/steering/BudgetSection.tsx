import { Alert, Anchor, Button, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Budget } from '../../shared/budget.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { formatKronor, formatNumber } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { useBudget } from './api.js';
import { BudgetLineForm } from './BudgetLineForm.js';
import { BudgetTable } from './BudgetTable.js';
import { ThresholdForm } from './ThresholdForm.js';
import { spentPercent } from './view.js';

/** "Budget": the lines planned against actual, the share spent, and the cost-overrun threshold and risk. */
export function BudgetSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const budget = useBudget(projectId);
  const status = useStatusMessage();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const data = budget.data;

  return (
    <Stack gap="md" component="section" aria-labelledby="budget">
      <div>
        <Title order={2} id="budget">
          {t('steering.budget.title')}
        </Title>
        <Text c="gray.7">{t('steering.budget.intro')}</Text>
      </div>
      <StatusMessage message={status.message} onClose={status.clear} />
      {budget.isError && <ErrorMessage error={budget.error} onRetry={() => budget.refetch()} />}
      {data && (
        <>
          {data.lines.length === 0 ? (
            <Text>
              {t('steering.budget.none')}
              {data.goalsBudgetSek !== null &&
                ` ${t('steering.budget.goalsBudget', { amount: formatKronor(data.goalsBudgetSek) })}`}
            </Text>
          ) : (
            <>
              <Spent budget={data} />
              {data.overThreshold && <OverrunWarning projectId={projectId} budget={data} />}
              <BudgetTable projectId={projectId} budget={data} announce={status.announce} />
            </>
          )}
          {data.may.edit &&
            (adding ? (
              <Paper withBorder radius="md" p="md" bg="gray.0">
                <BudgetLineForm
                  projectId={projectId}
                  onSaved={(saved) => {
                    setAdding(false);
                    status.announce(t('steering.budget.created', { title: saved.title }));
                  }}
                  onCancel={() => setAdding(false)}
                />
              </Paper>
            ) : (
              <Button
                ref={addButton}
                variant="default"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setAdding(true)}
              >
                {t('steering.budget.add')}
              </Button>
            ))}
          {data.may.edit ? (
            <ThresholdForm
              projectId={projectId}
              budget={data}
              onSaved={(saved) =>
                status.announce(t('steering.budget.settings.saved', { percent: saved.overrunThresholdPercent }))
              }
            />
          ) : (
            <Text>{t('steering.budget.threshold', { percent: data.overrunThresholdPercent })}</Text>
          )}
        </>
      )}
    </Stack>
  );
}

function Spent({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const percent = spentPercent(budget.actualSek, budget.plannedSek);
  const actual = formatKronor(budget.actualSek);
  const planned = formatKronor(budget.plannedSek);
  const text =
    percent === null
      ? t('steering.budget.spentNothingPlanned', { actual })
      : t('steering.budget.spent', { actual, planned, percent });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Text size="lg" fw={700}>
          {text}
        </Text>
        {percent !== null && (
          <Progress
            value={Math.min(percent, 100)}
            size="lg"
            color={budget.actualSek > budget.plannedSek ? 'red.9' : 'blue.8'}
            aria-label={t('steering.budget.spentLabel')}
            maw={560}
          />
        )}
        {budget.goalsBudgetSek !== null && (
          <Text size="sm">{t('steering.budget.goalsBudget', { amount: formatKronor(budget.goalsBudgetSek) })}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function OverrunWarning({ projectId, budget }: { projectId: string; budget: Budget }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('steering.budget.overTitle')}>
      <Text size="sm">
        {t('steering.budget.over', {
          percent: formatNumber(Math.round(budget.overrunPercent ?? 0), i18n.language),
          threshold: budget.overrunThresholdPercent,
        })}
      </Text>
      <Text size="sm">
        {budget.risk
          ? t('steering.budget.riskStatus', {
              title: budget.risk.title,
              status: t(`plan.risks.statuses.${budget.risk.status}`),
            })
          : t('steering.budget.noRisk')}
      </Text>
      <Anchor component={Link} to={`/projekt/${projectId}/plan#risker`} size="sm" c="dark.9" underline="always">
        {t('steering.budget.toRisks')}
      </Anchor>
    </Alert>
  );
}
