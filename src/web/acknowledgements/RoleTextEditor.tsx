import { Anchor, Button, Group, Stack, Textarea } from '@mantine/core';
import { useFocusReturn } from '@mantine/hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleTextBodySchema } from '../../shared/acknowledgements.js';
import type { RoleWithHolders } from '../../shared/organisation.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormProblem } from '../layout/FormProblem.js';
import { organisationQuery } from '../organisation/api.js';
import { useSaveRoleText } from './api.js';

type RoleTextValues = { responsibility: string };

const valuesOf = (role: RoleWithHolders): RoleTextValues => ({ responsibility: role.responsibility });

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

function RoleTextForm({ projectId, role, onClose }: { projectId: string; role: RoleWithHolders; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRoleText(projectId);
  const form = useSchemaForm<RoleTextValues>(roleTextBodySchema, valuesOf(role));
  const edit = useVersionedEdit({
    entity: role,
    versionOf: (saved) => saved.responsibilityVersion,
    valuesOf,
    form,
    save,
    latest: {
      query: organisationQuery(projectId),
      // A school-level role carries the project's one text of the role, like the others.
      find: (organisation) =>
        [
          ...organisation.customerRoles,
          ...organisation.vendorRoles,
          ...organisation.schools.flatMap((school) => school.roles),
        ].find((candidate) => candidate.key === role.key),
    },
  });
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { responsibility: form.values.responsibility, version: edit.version };
    if (!form.check(body)) return;
    save.mutate(
      { roleKey: role.key, ...body, version: body.version as number },
      { onSuccess: onClose, onError: form.showServerErrors },
    );
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
        <FormProblem {...edit.problem} />
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
