import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useAcknowledge, useMyRolesToConfirm } from './api.js';
import { ConfirmationThanks, RolesToConfirm } from './RolesToConfirm.js';

/**
 * On Mina uppgifter: the projects where the viewer holds a role whose responsibility text they have
 * not confirmed (or which changed since), each with its roles to read and confirm right here.
 */
export function MyRolesToConfirmSection() {
  const { t } = useTranslation();
  const mine = useMyRolesToConfirm();
  // Held here, where it outlives the roles it confirms.
  const acknowledge = useAcknowledge();
  const [confirmedRole, setConfirmedRole] = useState<string | null>(null);
  if (mine.isError) return <ErrorMessage error={mine.error} onRetry={() => mine.refetch()} />;
  const projects = mine.data?.projects ?? [];
  if (projects.length === 0 && !confirmedRole) return null;
  return (
    <Paper withBorder radius="md" p="lg" bg="blue.0" component="section" aria-labelledby="mitt-ansvar-i-projekten">
      <Stack gap="md">
        <div>
          <Title order={2} id="mitt-ansvar-i-projekten">
            {t('acknowledgements.myTasks.title')}
          </Title>
          {projects.length > 0 && <Text mt={4}>{t('acknowledgements.myTasks.intro')}</Text>}
          <ConfirmationThanks roleTitle={confirmedRole} />
        </div>
        {projects.map(({ project, roles }) => (
          <Stack key={project.id} gap="sm" component="section" aria-labelledby={`mitt-ansvar-${project.id}`}>
            <Title order={3} size="h4" id={`mitt-ansvar-${project.id}`}>
              <Anchor component={Link} to={`/projekt/${project.id}`} inherit>
                {t('acknowledgements.myTasks.project', { project: project.name, customer: project.customerName })}
              </Anchor>
            </Title>
            <RolesToConfirm
              projectId={project.id}
              roles={roles}
              headingOrder={4}
              compact
              acknowledge={acknowledge}
              onConfirmed={setConfirmedRole}
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
