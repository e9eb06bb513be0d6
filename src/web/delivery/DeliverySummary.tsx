import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Delivery } from '../../shared/delivery.js';

/** "4 av 12 skolor klara", and the schools still waiting with the step each waits for. */
export function DeliverySummary({ delivery, addSchoolsLink }: { delivery: Delivery; addSchoolsLink: string | null }) {
  const { t } = useTranslation();
  const total = delivery.schools.length;
  const waiting = delivery.schools.filter((school) => school.nextStep !== null);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="leverans-laget">
      <Title order={2} id="leverans-laget" mb="xs">
        {t('delivery.status.title')}
      </Title>
      {total === 0 ? (
        <>
          <Text>{t('delivery.status.noSchools')}</Text>
          {addSchoolsLink && (
            <Anchor component={Link} to={addSchoolsLink}>
              {t('delivery.status.addSchools')}
            </Anchor>
          )}
        </>
      ) : (
        <Text size="xl" fw={700}>
          {t('delivery.status.schoolsDone', { done: delivery.schoolsDone, total })}
        </Text>
      )}
      {total > 0 && waiting.length === 0 && <Text mt="sm">{t('delivery.status.allDone')}</Text>}
      {waiting.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('delivery.status.waitingTitle', { count: delivery.waiting })}
          </Title>
          <List size="sm" spacing={2} style={{ columns: '20rem auto', columnGap: '2rem' }}>
            {waiting.map((school) => (
              <List.Item key={school.schoolId}>
                {t('delivery.status.waitingOn', {
                  school: school.schoolName,
                  step: t(`delivery.steps.${school.nextStep}`),
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
