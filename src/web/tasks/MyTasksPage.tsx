import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyTask } from '../../shared/checklist.js';
import { MyRolesToConfirmSection } from '../acknowledgements/MyRolesToConfirmSection.js';
import { ApiError } from '../api/client.js';
import { activityLink } from '../checklist/anchor.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useMyTasks, useReminderPreferences, useTickTask } from './api.js';
import { CalendarFeed } from './CalendarFeed.js';
import { groupByProject } from './grouping.js';
import { isWithoutPerson, ReminderSettings } from './ReminderSettings.js';

/** `/mina-uppgifter`: the viewer's open activities in every project, reminders and the calendar link. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  // The reminder settings answer whether the login is a person, which a personal calendar needs too.
  const preferences = useReminderPreferences();
  const withoutPerson = preferences.isError && isWithoutPerson(preferences.error);
  const tick = useTickTask();
  const status = useStatusMessage();
  const [problem, setProblem] = useState<string | null>(null);
  // The last task ticked, so that the tick can be taken back.
  const [ticked, setTicked] = useState<{ task: MyTask; version: number } | null>(null);

  const markDone = (task: MyTask) => {
    const { title } = task.activity;
    setProblem(null);
    tick.mutate(
      { projectId: task.project.id, activityId: task.activity.id, version: task.activity.version, done: true },
      {
        onSuccess: (saved) => {
          setTicked({ task, version: saved.version });
          status.announce(t('tasks.ticked', { title }));
        },
        onError: (error) =>
          setProblem(
            error instanceof ApiError && error.code === 'VERSION_CONFLICT'
              ? t('tasks.conflict', { title })
              : t('tasks.saveFailed', { title, message: error.message }),
          ),
      },
    );
  };

  const undo = () => {
    if (!ticked) return;
    const { task, version } = ticked;
    tick.mutate(
      { projectId: task.project.id, activityId: task.activity.id, version, done: false },
      {
        onSuccess: () => {
          setTicked(null);
          status.announce(t('tasks.undone', { title: task.activity.title }));
        },
        onError: (error) => setProblem(error.message),
      },
    );
  };

  return (
    <Stack gap="xl" maw={1000}>
      <div>
        <Title order={1}>{t('tasks.title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('tasks.intro')}
        </Text>
      </div>
      <MyRolesToConfirmSection />
      <Stack gap="md" component="section" aria-labelledby="oppna-aktiviteter">
        <Title order={2} id="oppna-aktiviteter">
          {t('tasks.listTitle')}
        </Title>
        <StatusMessage
          message={status.message}
          onClose={() => {
            status.clear();
            setTicked(null);
          }}
        >
          {ticked && (
            <Button size="compact-sm" variant="white" color="dark" onClick={undo} loading={tick.isPending}>
              {t('tasks.undo')}
            </Button>
          )}
        </StatusMessage>
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
        {tasks.isError && <ErrorMessage error={tasks.error} onRetry={() => tasks.refetch()} />}
        {tasks.isPending && <Text>{t('common.loading')}</Text>}
        {tasks.data?.items.length === 0 && <Text>{t('tasks.empty')}</Text>}
        {tasks.data &&
          groupByProject(tasks.data.items).map(({ project, tasks: projectTasks }) => (
            <Paper
              key={project.id}
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-labelledby={`uppgifter-${project.id}`}
            >
              <Title order={3} size="h4" id={`uppgifter-${project.id}`} mb="sm">
                <Anchor component={Link} to={`/projekt/${project.id}`} inherit>
                  {t('tasks.project', { project: project.name, customer: project.customerName })}
                </Anchor>
              </Title>
              <List listStyleType="none" spacing="sm">
                {projectTasks.map((task) => (
                  <TaskItem key={task.activity.id} task={task} busy={tick.isPending} onDone={() => markDone(task)} />
                ))}
              </List>
            </Paper>
          ))}
      </Stack>
      <ReminderSettings />
      <CalendarFeed
        headingId="kalender"
        title={t('tasks.calendar.title')}
        intro={t('tasks.calendar.intro')}
        renewUrl="/api/me/calendar-feed"
        unavailable={withoutPerson ? t('tasks.calendar.withoutPerson') : undefined}
      />
    </Stack>
  );
}

function TaskItem({ task, busy, onDone }: { task: MyTask; busy: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { activity, project } = task;
  return (
    <List.Item>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          size="md"
          mt={2}
          checked={false}
          disabled={busy || !activity.canTick}
          aria-label={t('tasks.markDone', { title: activity.title })}
          onChange={onDone}
        />
        <div>
          <Anchor component={Link} to={activityLink(project.id, activity.id)} fw={500}>
            {activity.title}
          </Anchor>
          <Group gap="xs" mt={2}>
            <Text size="sm" c="gray.8">
              {activity.deadline ? t('tasks.deadline', { date: activity.deadline }) : t('tasks.noDeadline')}
            </Text>
            {task.overdue && (
              <Badge color="red.9" size="sm" variant="filled" tt="none">
                {t('tasks.overdue')}
              </Badge>
            )}
          </Group>
        </div>
      </Group>
    </List.Item>
  );
}
