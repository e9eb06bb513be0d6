import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../shared/projects.js';
import { useAcknowledge, useAcknowledgements } from './api.js';
import { ConfirmationThanks, RolesToConfirm } from './RolesToConfirm.js';

/**
 * On the project page, for someone holding roles they have not yet confirmed (or whose text has
 * changed since): each role's responsibility text and "Jag har tagit del av mitt ansvar".
 */
export function MyResponsibilityPrompt({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const overview = useAcknowledgements(project.id);
  // Held here, where it outlives the roles it confirms.
  const acknowledge = useAcknowledge();
  const [confirmedRole, setConfirmedRole] = useState<string | null>(null);
  // A closed project takes no more confirmations.
  if (project.phase === 'operations') return null;
  const mine = overview.data?.mine ?? [];
  if (mine.length === 0 && !confirmedRole) return null;
  const outdated = mine.some((role) => role.state === 'outdated');
  return (
    <Paper withBorder radius="md" p="lg" bg="blue.0" component="section" aria-labelledby="mitt-ansvar">
      <Stack gap="md">
        <div>
          <Title order={2} id="mitt-ansvar">
            {t('acknowledgements.prompt.title')}
          </Title>
          {mine.length > 0 && (
            <Text mt={4}>
              {t(outdated ? 'acknowledgements.prompt.introOutdated' : 'acknowledgements.prompt.intro')}
            </Text>
          )}
          <ConfirmationThanks roleTitle={confirmedRole} />
        </div>
        <RolesToConfirm
          projectId={project.id}
          roles={mine}
          headingOrder={3}
          acknowledge={acknowledge}
          onConfirmed={setConfirmedRole}
        />
      </Stack>
    </Paper>
  );
}
