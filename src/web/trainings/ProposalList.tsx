import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../shared/trainings.js';
import { useDeleteProposal } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';

/** The dates the municipality proposed, which of them are confirmed, and the actions on the rest. */
export function ProposalList({
  proposals,
  controls,
  onConfirm,
}: {
  proposals: Proposal[];
  controls: TrainingControls;
  onConfirm: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteProposal(controls.projectId);
  if (proposals.length === 0) return <Text c="gray.7">{t('trainings.proposals.empty')}</Text>;
  const ordered = [...proposals].sort((a, b) => a.date.localeCompare(b.date));
  const showActions = controls.may.confirm || controls.may.plan;
  const dateOf = (proposal: Proposal) =>
    `${formatSessionDate(proposal.date, controls.language)}, ${t(`trainings.partOfDay.${proposal.partOfDay}`).toLowerCase()}`;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainings.proposals.date')}</Table.Th>
            <Table.Th scope="col">{t('trainings.proposals.partOfDay')}</Table.Th>
            <Table.Th scope="col">{t('trainings.proposals.proposedBy')}</Table.Th>
            <Table.Th scope="col">{t('trainings.proposals.state')}</Table.Th>
            {showActions && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('trainings.proposals.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((proposal) => {
            const confirmed = proposal.sessionId !== null;
            return (
              <Table.Tr key={proposal.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {formatSessionDate(proposal.date, controls.language)}
                  </Text>
                  {proposal.note && (
                    <Text size="sm" c="gray.7">
                      {proposal.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`trainings.partOfDay.${proposal.partOfDay}`)}</Table.Td>
                <Table.Td>{proposal.proposedByName}</Table.Td>
                <Table.Td>
                  {confirmed ? (
                    <Text size="sm" fw={600} c="teal.9">
                      <span aria-hidden="true">✓ </span>
                      {t('trainings.proposals.confirmed')}
                    </Text>
                  ) : (
                    <Text size="sm">{t('trainings.proposals.unconfirmed')}</Text>
                  )}
                </Table.Td>
                {showActions && (
                  <Table.Td>
                    {!confirmed && (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {controls.may.confirm && (
                          <Button
                            size="xs"
                            aria-label={t('trainings.proposals.confirmLabel', { date: dateOf(proposal) })}
                            onClick={() => onConfirm(proposal)}
                          >
                            {t('trainings.proposals.confirm')}
                          </Button>
                        )}
                        {controls.may.plan && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('trainings.proposals.removeLabel', { date: dateOf(proposal) })}
                            loading={remove.isPending && remove.variables === proposal.id}
                            onClick={() =>
                              remove.mutate(proposal.id, {
                                onSuccess: () =>
                                  controls.announce(t('trainings.proposals.removed', { date: dateOf(proposal) })),
                                onError: controls.fail,
                              })
                            }
                          >
                            {t('trainings.proposals.remove')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
