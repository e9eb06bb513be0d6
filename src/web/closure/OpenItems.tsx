import { Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClosureOverview } from '../../shared/closure.js';
import { activityLink } from '../checklist/anchor.js';
import { goalAnchor } from '../measurements/anchor.js';
import { StatusBadge } from '../measurements/StatusBadge.js';
import { formatDate } from '../plan/format.js';

/**
 * "Det här är fortfarande öppet": the activities, trainings and goals not yet through, each part
 * with its count and a link to the page where it is handled.
 */
export function OpenItems({ projectId, closure }: { projectId: string; closure: ClosureOverview }) {
  const { t } = useTranslation();
  const { activities, trainings, goals } = closure.open;
  return (
    <Stack gap="md" component="section" aria-labelledby="oppet">
      <Title order={2} id="oppet">
        {t('closure.open.title')}
      </Title>
      <Text fw={600}>
        {closure.openCount === 0 ? t('closure.open.nothing') : t('closure.open.count', { count: closure.openCount })}
      </Text>
      {closure.openCount > 0 && (
        <>
          <OpenPart
            id="oppna-aktiviteter"
            title={t('closure.open.activities', { count: activities.length })}
            link={{ to: `/projekt/${projectId}`, label: t('closure.open.toChecklist') }}
            empty={activities.length === 0 ? t('closure.open.noActivities') : null}
          >
            <OpenActivities projectId={projectId} activities={activities} />
          </OpenPart>
          <OpenPart
            id="oppna-utbildningar"
            title={t('closure.open.trainings', { count: trainings.length })}
            link={{ to: `/projekt/${projectId}/utbildningar`, label: t('closure.open.toTrainings') }}
            empty={trainings.length === 0 ? t('closure.open.noTrainings') : null}
          >
            <List spacing={6} size="sm">
              {trainings.map((training) => (
                <List.Item key={training.key}>
                  <Text size="sm" fw={600}>
                    {training.title}
                  </Text>
                  <Text size="sm">
                    {t('closure.open.booked', { booked: training.booked, count: training.needed })}
                    {training.missed > 0 && <> · {t('closure.open.missed', { count: training.missed })}</>}
                  </Text>
                </List.Item>
              ))}
            </List>
          </OpenPart>
          <OpenPart
            id="oppna-mal"
            title={t('closure.open.goals', { count: goals.length })}
            link={{ to: `/projekt/${projectId}/maluppfoljning`, label: t('closure.open.toGoals') }}
            empty={goals.length === 0 ? t('closure.open.noGoals') : null}
          >
            <Stack gap="sm">
              {goals.map((goal) => (
                <Group key={goal.id} gap="sm" wrap="nowrap" align="flex-start">
                  <StatusBadge state={goal.state} />
                  <div>
                    <Anchor
                      component={Link}
                      to={`/projekt/${projectId}/maluppfoljning#${goalAnchor(goal.id)}`}
                      size="sm"
                      fw={600}
                      underline="always"
                    >
                      {goal.title}
                    </Anchor>
                    <Text size="sm">{goal.explanation}</Text>
                  </div>
                </Group>
              ))}
            </Stack>
          </OpenPart>
        </>
      )}
    </Stack>
  );
}

function OpenPart({
  id,
  title,
  link,
  empty,
  children,
}: {
  id: string;
  title: string;
  link: { to: string; label: string };
  /** Said instead of the list when nothing of the kind is open. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Anchor component={Link} to={link.to} size="sm" underline="always">
          {link.label}
        </Anchor>
      </Group>
      {empty === null ? children : <Text size="sm">{empty}</Text>}
    </Paper>
  );
}

function OpenActivities({
  projectId,
  activities,
}: {
  projectId: string;
  activities: ClosureOverview['open']['activities'];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('closure.open.activity')}</Table.Th>
            <Table.Th scope="col">{t('closure.open.group')}</Table.Th>
            <Table.Th scope="col" w={200}>
              {t('closure.open.deadline')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id}>
              <Table.Td>
                <Anchor component={Link} to={activityLink(projectId, activity.id)} size="sm" underline="always">
                  {activity.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{activity.groupTitle}</Table.Td>
              <Table.Td>
                {activity.deadline === null ? (
                  <Text size="sm" c="gray.7">
                    {t('closure.open.noDeadline')}
                  </Text>
                ) : (
                  <Text size="sm">
                    {formatDate(activity.deadline, i18n.language)}
                    {activity.overdue && (
                      <Text component="span" size="sm" fw={700} c="red.9">
                        {' '}
                        ({t('closure.open.overdue')})
                      </Text>
                    )}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
