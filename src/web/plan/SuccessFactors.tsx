import { Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SuccessFactor, successFactorUpdateBodySchema } from '../../shared/plan.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem } from '../layout/FormProblem.js';
import { ItemConflictAlert, useFocusWhenClosed } from './ItemControls.js';
import { useUnsavedChanges } from './UnsavedChanges.js';
import { useVersionedSave } from './versioned-save.js';

const approachSchema = successFactorUpdateBodySchema.pick({ approach: true });

/** The template's keywords for a successful implementation, each with how the project works on it. */
export function SuccessFactors({
  projectId,
  factors,
  canEdit,
}: {
  projectId: string;
  factors: SuccessFactor[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-labelledby="nyckelord">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="20%">
              {t('plan.factors.keyword')}
            </Table.Th>
            <Table.Th scope="col">{t('plan.factors.approach')}</Table.Th>
            {canEdit && (
              <Table.Th scope="col" w={120}>
                <span className="visually-hidden">{t('plan.risks.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {factors.map((factor) => (
            <FactorRow key={factor.id} projectId={projectId} factor={factor} canEdit={canEdit} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FactorRow({ projectId, factor, canEdit }: { projectId: string; factor: SuccessFactor; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  return (
    <Table.Tr bg={editing ? 'gray.0' : undefined}>
      <Table.Th scope="row" fw={600}>
        {factor.title}
      </Table.Th>
      {editing ? (
        <Table.Td colSpan={2}>
          <FactorForm projectId={projectId} factor={factor} onDone={() => setEditing(false)} />
        </Table.Td>
      ) : (
        <>
          <Table.Td>
            {factor.approach ? (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {factor.approach}
              </Text>
            ) : (
              <Text size="sm" c="gray.7" fs="italic">
                {t('plan.factors.notDescribed')}
              </Text>
            )}
          </Table.Td>
          {canEdit && (
            <Table.Td>
              <Button
                ref={editButton}
                size="xs"
                variant="light"
                aria-label={t('plan.factors.editFactor', { title: factor.title })}
                onClick={() => setEditing(true)}
              >
                {t('plan.change')}
              </Button>
            </Table.Td>
          )}
        </>
      )}
    </Table.Tr>
  );
}

function FactorForm({ projectId, factor, onDone }: { projectId: string; factor: SuccessFactor; onDone: () => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => ({ approach: factor.approach }));
  const form = useSchemaForm(approachSchema, initial);
  const save = useVersionedSave<'successFactors', { approach: string }>(projectId, 'successFactors', factor);
  useUnsavedChanges(form.values.approach !== initial.approach);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { approach: form.values.approach };
    if (!form.check(body)) return;
    save.submit(body, { onSaved: onDone, onError: form.showServerErrors });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('plan.factors.editFactor', { title: factor.title })}>
      <Stack gap="xs">
        <ItemConflictAlert
          conflict={save.conflict}
          summary={(latest) => (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {latest.approach || t('plan.factors.notDescribed')}
            </Text>
          )}
        />
        <Textarea label={t('plan.factors.approach')} autosize minRows={2} {...form.field('approach')} />
        <FormProblem error={save.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('plan.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('plan.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
