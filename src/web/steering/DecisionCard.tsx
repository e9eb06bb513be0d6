import { Anchor, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Decision, SteeringMeeting } from '../../shared/steering.js';
import { activityLink } from '../checklist/anchor.js';
import { formatDate } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { sectionAnchor } from '../plan/SectionFrame.js';
import { decisionAnchor, meetingAnchor, requestAnchor } from './anchors.js';
import { useRemoveDecision } from './api.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { DecisionForm } from './DecisionForm.js';
import { LabelledText } from './LabelledText.js';
import type { LinkKind } from './view.js';

const GOALS_SECTION = 'mal';

/** Where the thing a decision concerns is shown: the checklist, the timeline or the plan. */
function linkPath(projectId: string, kind: LinkKind, targetId: string): string {
  switch (kind) {
    case 'activity':
      return activityLink(projectId, targetId);
    case 'keyActivity':
      return `/projekt/${projectId}/tidplan`;
    case 'goal':
      return `/projekt/${projectId}/plan#${sectionAnchor(GOALS_SECTION)}`;
    case 'section':
      return `/projekt/${projectId}/plan#${sectionAnchor(targetId)}`;
  }
}

/** One decision of the log: who decided what and when, why, and what it concerns. */
export function DecisionCard({
  projectId,
  decision,
  mayRecord,
  meetings,
  announce,
}: {
  projectId: string;
  decision: Decision;
  mayRecord: boolean;
  meetings: SteeringMeeting[];
  announce: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  const remove = useRemoveDecision(projectId);
  const headingId = `${decisionAnchor(decision.id)}-rubrik`;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      id={decisionAnchor(decision.id)}
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {t('steering.decisions.heading', { number: decision.number, title: decision.title })}
          </Title>
          <Group gap={6} mt={2}>
            <Text>
              {t('steering.decisions.decidedOn', {
                date: formatDate(decision.decidedOn, i18n.language),
                by: t(`steering.decisions.decidedByInSentence.${decision.decidedBy}`),
              })}
            </Text>
            {decision.meeting && (
              <>
                <Text aria-hidden="true">·</Text>
                <Anchor href={`#${meetingAnchor(decision.meeting.id)}`}>
                  {t('steering.decisions.atMeeting', { date: formatDate(decision.meeting.date, i18n.language) })}
                </Anchor>
              </>
            )}
            {decision.changeRequest && (
              <>
                <Text aria-hidden="true">·</Text>
                <Anchor href={`#${requestAnchor(decision.changeRequest.id)}`}>
                  {t('steering.decisions.fromRequest', { number: decision.changeRequest.number })}
                </Anchor>
              </>
            )}
          </Group>
        </div>
        {editing ? (
          <DecisionForm
            projectId={projectId}
            decision={decision}
            meetings={meetings}
            onSaved={(saved) => {
              setEditing(false);
              announce(t('steering.decisions.updated', { number: saved.number }));
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <LabelledText label={t('steering.decisions.background')} text={decision.background} />
              <LabelledText label={t('steering.decisions.decision')} text={decision.decision} />
            </SimpleGrid>
            {decision.links.length > 0 && (
              <Box>
                <Text fw={600} size="sm">
                  {t('steering.decisions.concerns')}
                </Text>
                <List size="sm" spacing={2}>
                  {decision.links.map((link) => (
                    <List.Item key={`${link.kind}-${link.targetId}`}>
                      {t(`steering.decisions.linkKinds.${link.kind}`)}:{' '}
                      <Anchor component={Link} to={linkPath(projectId, link.kind, link.targetId)} size="sm">
                        {link.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Box>
            )}
          </>
        )}
        <Text size="sm" c="gray.7">
          {t('steering.decisions.recordedBy', { name: decision.recordedBy.name })}
        </Text>
        {mayRecord && !editing && (
          <Group gap="xs">
            <Button
              ref={editButton}
              size="xs"
              variant="default"
              aria-label={t('steering.decisions.editLabel', { number: decision.number })}
              onClick={() => setEditing(true)}
            >
              {t('steering.edit')}
            </Button>
            {/* A decision an approved request became stays: it is what changed the plan. */}
            {!decision.changeRequest && (
              <ConfirmRemove
                label={t('steering.decisions.removeLabel', { number: decision.number })}
                question={t('steering.decisions.removeQuestion', { number: decision.number })}
                pending={remove.isPending}
                error={remove.error}
                onConfirm={() =>
                  remove.mutate(
                    { decisionId: decision.id, version: decision.version },
                    { onSuccess: () => announce(t('steering.decisions.removed')) },
                  )
                }
              />
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
