import { Anchor, Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeliveryActivity } from '../../shared/delivery.js';
import { activityLink } from '../checklist/anchor.js';

/** The checklist activities of the delivery, each with whether it is ticked and a link to it. */
export function LinkedActivities({ projectId, activities }: { projectId: string; activities: DeliveryActivity[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="leverans-checklistan">
      <Title order={2} id="leverans-checklistan" mb={4}>
        {t('delivery.activities.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('delivery.activities.text')}
      </Text>
      {activities.length === 0 ? (
        <Text size="sm">{t('delivery.activities.none')}</Text>
      ) : (
        <List listStyleType="none" spacing="xs">
          {activities.map((activity) => (
            <List.Item key={activity.id}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {activity.done ? (
                  <Badge color="teal.9" variant="filled" tt="none" miw={90}>
                    <span aria-hidden="true">✓ </span>
                    {t('delivery.activities.done')}
                  </Badge>
                ) : (
                  <Badge color="gray.8" variant="outline" tt="none" miw={90}>
                    {t('delivery.activities.open')}
                  </Badge>
                )}
                <Anchor component={Link} to={activityLink(projectId, activity.id)} size="sm">
                  {activity.title}
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
