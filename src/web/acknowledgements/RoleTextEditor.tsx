import { Anchor, Button, Group, Stack, Textarea } from '@mantine/core';
import { useFocusReturn } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleTextBodySchema } from '../../shared/acknowledgements.js';
import type { RoleWithHolders } from '../../shared/organisation.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem, isVersionConflict } from '../organisation/FormProblem.js';
import { useSaveRoleText } from './api.js';

type RoleTextValues = { responsibility: string; version: number };

const valuesOf = (role: RoleWithHolders): RoleTextValues => ({
  responsibility: role.responsibility,
  version: role.responsibilityVersion,
});

/** "Ändra ansvarstext" and, opened, the project's own wording of a role's responsibility. */
export function RoleTextEditor({ projectId, role }: { projectId: string; role: RoleWithHolders }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Closing the form takes the keyboard back to the button that opened it.
  useFocusReturn({ opened: open });
  if (!open) {
    return (
      <Anchor
        component="button"
        type="button"
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('acknowledgements.editor.editLabel', { role: role.title })}
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        {t('acknowledgements.editor.edit')}
      </Anchor>
    );
  }
  return <RoleTextForm projectId={projectId} role={role} onClose={() => setOpen(false)} />;
}

function RoleTextForm({
  projectId,
  role,
  onClose,
}: {
  projectId: string;
  /** The role as the organisation holds it now: loaded into the form after a version conflict. */
  role: RoleWithHolders;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRoleText(projectId);
  const form = useSchemaForm<RoleTextValues>(roleTextBodySchema, valuesOf(role));
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const submit = form.onSubmit((values) =>
    save.mutate({ roleKey: role.key, ...values }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  const loadLatest = () => {
    form.reset(valuesOf(role));
    save.reset();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('acknowledgements.editor.label', { role: role.title })}
          description={t('acknowledgements.editor.description')}
          autosize
          minRows={4}
          maxRows={14}
          ref={textRef}
          {...form.field('responsibility')}
        />
        <FormProblem error={save.error} onLoadLatest={isVersionConflict(save.error) ? loadLatest : undefined} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('acknowledgements.editor.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
