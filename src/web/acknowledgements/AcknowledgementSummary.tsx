import { List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleAcknowledgement } from '../../shared/acknowledgements.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { AcknowledgementState } from './AcknowledgementState.js';
import { useAcknowledgements } from './api.js';

/** On the organisation page: how many role holders have confirmed their responsibility, and who has not. */
export function AcknowledgementSummary({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const overview = useAcknowledgements(projectId);
  if (overview.isError) return <ErrorMessage error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data) return null;
  const { confirmed, total, holdings } = overview.data;
  const notYet = holdings.filter((holding) => holding.state !== 'confirmed');
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="bekraftat-ansvar">
      <Title order={2} id="bekraftat-ansvar" mb="xs">
        {t('acknowledgements.summary.title')}
      </Title>
      <Text c="gray.7" mb="xs">
        {t('acknowledgements.summary.intro')}
      </Text>
      {total === 0 ? (
        <Text>{t('acknowledgements.summary.noHolders')}</Text>
      ) : (
        <Text size="xl" fw={700}>
          {t('acknowledgements.progress', { confirmed, total })}
        </Text>
      )}
      {total > 0 && notYet.length === 0 && <Text mt="sm">{t('acknowledgements.summary.allConfirmed')}</Text>}
      {notYet.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('acknowledgements.summary.notYetTitle', { count: notYet.length })}
          </Title>
          <List size="sm" spacing={4} style={{ columns: '20rem auto', columnGap: '2rem' }}>
            {notYet.map((holding) => (
              <List.Item key={`${holding.roleKey}-${holding.school?.id ?? ''}-${holding.person.id}`}>
                <HoldingLine holding={holding} />
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}

function HoldingLine({ holding }: { holding: RoleAcknowledgement }) {
  const { t } = useTranslation();
  const who = holding.school
    ? t('acknowledgements.summary.holdingAtSchool', {
        name: holding.person.name,
        role: holding.roleTitle,
        school: holding.school.name,
      })
    : t('acknowledgements.summary.holding', { name: holding.person.name, role: holding.roleTitle });
  return (
    <>
      <Text size="sm">{who}</Text>
      {/* Everyone listed lacks a confirmation: only a changed text needs saying. */}
      {holding.state === 'outdated' && <AcknowledgementState acknowledgement={holding} />}
    </>
  );
}
