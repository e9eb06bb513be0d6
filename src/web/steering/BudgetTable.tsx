import { Button, Group, Table } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget, BudgetLine } from '../../shared/budget.js';
import { formatKronor } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { useRemoveBudgetLine } from './api.js';
import { BudgetLineForm } from './BudgetLineForm.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { signedKronor } from './view.js';

const amountCell = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;

/** The budget lines with planned, actual and the difference, and the totals; editable in place. */
export function BudgetTable({
  projectId,
  budget,
  announce,
}: {
  projectId: string;
  budget: Budget;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const mayEdit = budget.may.edit;
  const columns = mayEdit ? 5 : 4;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder verticalSpacing="sm" aria-label={t('steering.budget.tableCaption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('steering.budget.line')}</Table.Th>
            <Table.Th ta="right">{t('steering.budget.planned')}</Table.Th>
            <Table.Th ta="right">{t('steering.budget.actual')}</Table.Th>
            <Table.Th ta="right">{t('steering.budget.difference')}</Table.Th>
            {mayEdit && <Table.Th>{t('steering.budget.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.lines.map((line) => (
            <Fragment key={line.id}>
              <LineRow
                projectId={projectId}
                line={line}
                mayEdit={mayEdit}
                editing={editingId === line.id}
                onEdit={() => setEditingId(line.id)}
                announce={announce}
              />
              {editingId === line.id && (
                <Table.Tr>
                  <Table.Td colSpan={columns} bg="gray.0">
                    <BudgetLineForm
                      projectId={projectId}
                      line={line}
                      onSaved={(saved) => {
                        setEditingId(null);
                        announce(t('steering.budget.updated', { title: saved.title }));
                      }}
                      onCancel={() => setEditingId(null)}
                    />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('steering.budget.total')}</Table.Th>
            <Table.Td {...amountCell}>{formatKronor(budget.plannedSek)}</Table.Td>
            <Table.Td {...amountCell}>{formatKronor(budget.actualSek)}</Table.Td>
            <Table.Td {...amountCell}>{signedKronor(budget.actualSek - budget.plannedSek)}</Table.Td>
            {mayEdit && <Table.Td />}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function LineRow({
  projectId,
  line,
  mayEdit,
  editing,
  onEdit,
  announce,
}: {
  projectId: string;
  line: BudgetLine;
  mayEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveBudgetLine(projectId);
  const editButton = useFocusWhenClosed(editing);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {line.title}
      </Table.Th>
      <Table.Td {...amountCell}>{formatKronor(line.plannedSek)}</Table.Td>
      <Table.Td {...amountCell}>{formatKronor(line.actualSek)}</Table.Td>
      <Table.Td {...amountCell}>{signedKronor(line.actualSek - line.plannedSek)}</Table.Td>
      {mayEdit && (
        <Table.Td>
          {!editing && (
            <Group gap="xs" wrap="nowrap">
              <Button
                ref={editButton}
                size="xs"
                variant="default"
                aria-label={t('steering.budget.editLabel', { title: line.title })}
                onClick={onEdit}
              >
                {t('steering.edit')}
              </Button>
              <ConfirmRemove
                label={t('steering.budget.removeLabel', { title: line.title })}
                question={t('steering.budget.removeQuestion', { title: line.title })}
                pending={remove.isPending}
                error={remove.error}
                onConfirm={() =>
                  remove.mutate(
                    { lineId: line.id, version: line.version },
                    { onSuccess: () => announce(t('steering.budget.removed', { title: line.title })) },
                  )
                }
              />
            </Group>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
