import { Anchor, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StepRequirement } from '../../shared/steps.js';
import { activityLink } from '../checklist/anchor.js';
import { isOverdue, stockholmToday } from '../checklist/dates.js';
import { formatDate } from '../plan/format.js';
import { RequirementIcon } from './icons.js';

/**
 * What a step requires, each linked to where it is handled: an activity to its row in the
 * checklist, a key activity to the timeline. Done ones say so in words beside the tick.
 */
export function RequirementList({ projectId, requirements }: { projectId: string; requirements: StepRequirement[] }) {
  const today = stockholmToday();
  return (
    <List listStyleType="none" spacing={6} p={0} m={0}>
      {requirements.map((requirement) => (
        <List.Item key={`${requirement.kind}-${requirement.id}`}>
          <Requirement projectId={projectId} requirement={requirement} today={today} />
        </List.Item>
      ))}
    </List>
  );
}

function Requirement({
  projectId,
  requirement,
  today,
}: {
  projectId: string;
  requirement: StepRequirement;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const isActivity = requirement.kind === 'activity';
  const overdue = isActivity && isOverdue(requirement.date, requirement.done, today);
  const when =
    requirement.date === null
      ? t('steps.requirement.noDate')
      : t(isActivity ? 'steps.requirement.deadline' : 'steps.requirement.on', {
          date: formatDate(requirement.date, i18n.language),
        });
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <Text component="span" c={requirement.done ? 'teal.9' : 'gray.8'} lh={1} pt={2}>
        <RequirementIcon requirement={requirement} />
      </Text>
      <Text size="sm">
        {requirement.done ? (
          <Text component="span" size="sm" fw={600} c="teal.9">
            {t('steps.requirement.done')}:{' '}
          </Text>
        ) : (
          <span className="visually-hidden">{t('steps.requirement.notDone')}: </span>
        )}
        <Anchor
          component={Link}
          to={isActivity ? activityLink(projectId, requirement.id) : `/projekt/${projectId}/tidplan`}
          size="sm"
          underline="always"
        >
          {requirement.title}
        </Anchor>{' '}
        <Text component="span" size="sm" c="gray.7">
          ({t(isActivity ? 'steps.requirement.activity' : 'steps.requirement.keyActivity')}, {when})
        </Text>
        {overdue && (
          <Text component="span" size="sm" fw={700} c="red.9">
            {' '}
            {t('steps.requirement.overdue')}
          </Text>
        )}
      </Text>
    </Group>
  );
}
