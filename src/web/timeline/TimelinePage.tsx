import 'frappe-gantt/style.css';
import './timeline.css';
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { CalendarFeed } from '../tasks/CalendarFeed.js';
import { useMoveKeyActivity, useTimeline } from './api.js';
import { timelineSummary } from './gantt.js';
import { TimelineChart } from './TimelineChart.js';
import { type SaveKeyActivityDate, TimelineTable } from './TimelineTable.js';

/** `/projekt/:projectId/tidplan`: key activities and deadlines on a timeline and in a table. */
export function TimelinePage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const timeline = useTimeline(projectId);
  const moveKeyActivity = useMoveKeyActivity(projectId);
  const status = useStatusMessage();
  const [problem, setProblem] = useState<string | null>(null);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = project.data;
  const items = timeline.data?.items ?? [];
  const summary = timelineSummary(items);

  const saveDate: SaveKeyActivityDate = (item, date, onSaved) => {
    setProblem(null);
    moveKeyActivity.mutate(
      { keyActivityId: item.id, version: item.version, date },
      {
        onSuccess: () => {
          onSaved();
          status.announce(t('timeline.table.saved', { title: item.title }));
        },
        onError: (error) =>
          setProblem(
            error instanceof ApiError && error.code === 'VERSION_CONFLICT'
              ? t('timeline.table.conflict', { title: item.title })
              : t('timeline.table.saveFailed', { message: error.message }),
          ),
      },
    );
  };

  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={data} title={t('timeline.title')} intro={t('timeline.intro')} />
      {timeline.isError && <ErrorMessage error={timeline.error} onRetry={() => timeline.refetch()} />}
      {timeline.data && (
        <>
          <Stack gap="md" component="section" aria-labelledby="tidslinje">
            <Title order={2} id="tidslinje">
              {t('timeline.chart.title')}
            </Title>
            {summary ? (
              <Paper withBorder radius="md" p="md">
                <Stack gap="sm">
                  <TimelineChart items={items} label={t('timeline.chart.summary', { ...summary })} />
                  <Legend />
                </Stack>
              </Paper>
            ) : (
              <Text>{t('timeline.chart.empty')}</Text>
            )}
          </Stack>
          <Stack gap="md" component="section" aria-labelledby="alla-datum">
            <Title order={2} id="alla-datum">
              {t('timeline.table.title')}
            </Title>
            <StatusMessage message={status.message} onClose={status.clear} />
            {problem && (
              <Alert
                color="orange"
                role="alert"
                withCloseButton
                onClose={() => setProblem(null)}
                closeButtonLabel={t('checklist.close')}
              >
                {problem}
              </Alert>
            )}
            <TimelineTable
              projectId={data.id}
              items={items}
              canEdit={data.permissions.edit}
              saving={moveKeyActivity.isPending}
              onSaveDate={saveDate}
            />
          </Stack>
        </>
      )}
      <CalendarFeed
        headingId="projektets-kalender"
        title={t('timeline.calendar.title')}
        intro={t('timeline.calendar.intro')}
        renewUrl={`/api/projects/${data.id}/calendar-feed`}
      />
    </Stack>
  );
}

/** What the bars' colours mean, said in words too (the labels carry the same marks). */
function Legend() {
  const { t } = useTranslation();
  const entries = [
    { swatch: 'var(--mantine-color-grape-8)', text: `${t('timeline.marks.key')} ${t('timeline.kinds.key')}` },
    {
      swatch: 'var(--mantine-color-blue-1)',
      border: 'var(--mantine-color-blue-8)',
      text: t('timeline.kinds.activity'),
    },
    {
      swatch: 'var(--mantine-color-teal-1)',
      border: 'var(--mantine-color-teal-9)',
      text: `${t('timeline.marks.done')} ${t('timeline.statuses.done')}`,
    },
    {
      swatch: 'var(--mantine-color-red-1)',
      border: 'var(--mantine-color-red-9)',
      text: t('timeline.statuses.overdue'),
    },
  ];
  return (
    <Group gap="lg" aria-label={t('timeline.chart.legend')} role="list">
      {entries.map((entry) => (
        <Group key={entry.text} gap={6} role="listitem">
          <span
            className="timeline-legend-swatch"
            aria-hidden="true"
            style={{ background: entry.swatch, outline: entry.border ? `2px solid ${entry.border}` : undefined }}
          />
          <Text size="sm">{entry.text}</Text>
        </Group>
      ))}
      <Text size="sm" c="gray.7">
        {t('timeline.chart.todayLine')}
      </Text>
    </Group>
  );
}
