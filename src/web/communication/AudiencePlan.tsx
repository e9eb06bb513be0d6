import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Audience, CommunicationItem } from '../../shared/communication.js';
import { CommunicationItemRow } from './CommunicationItemRow.js';
import type { PlanControls } from './controls.js';
import { GapIcon } from './icons.js';

/** "Vårdnadshavare" → "vårdnadshavare", in the middle of a sentence. */
const inSentence = (title: string) => title.charAt(0).toLocaleLowerCase('sv') + title.slice(1);

/** What one audience is told, soonest first, or that nothing is planned for it yet. */
export function AudiencePlan({
  audience,
  items,
  controls,
  onPlanFor,
}: {
  audience: Audience;
  items: CommunicationItem[];
  controls: PlanControls;
  /** Opens the form for a new item for this audience; absent for those who may not edit. */
  onPlanFor?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `malgrupp-${audience.key}`;
  const name = inSentence(audience.title);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} id={headingId}>
          {audience.title}
        </Title>
        {items.length > 0 && (
          <Text size="sm" c="gray.7">
            {t('communication.plan.count', { count: items.length })}
          </Text>
        )}
      </Group>
      {items.length === 0 ? (
        <Group gap="sm" justify="space-between">
          <Group gap={6} wrap="nowrap">
            <Text component="span" c="orange.9" display="flex">
              <GapIcon />
            </Text>
            <Text fw={500}>{t('communication.plan.gap', { audience: name })}</Text>
          </Group>
          {onPlanFor && (
            <Button
              size="xs"
              variant="light"
              aria-label={t('communication.plan.planForLabel', { audience: name })}
              onClick={onPlanFor}
            >
              {t('communication.plan.planFor', { audience: name })}
            </Button>
          )}
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table layout="fixed" verticalSpacing="sm" aria-labelledby={headingId}>
            <colgroup>
              <col style={{ width: '17%' }} />
              <col style={{ width: '37%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '17%' }} />
            </colgroup>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('communication.plan.when')}</Table.Th>
                <Table.Th>{t('communication.plan.message')}</Table.Th>
                <Table.Th>{t('communication.plan.channel')}</Table.Th>
                <Table.Th>{t('communication.plan.responsible')}</Table.Th>
                <Table.Th>{t('communication.plan.done')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <CommunicationItemRow key={item.id} item={item} controls={controls} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
