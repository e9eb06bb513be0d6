import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcessGuide, ProcessGuideGoal } from '../../shared/communication.js';
import { isRichTextEmpty, type RichText } from '../../shared/rich-text.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { RichTextView } from '../plan/RichTextView.js';
import { sectionAnchor } from '../plan/SectionFrame.js';
import { useReloadCommunication, useSaveGuideGoal, useSaveGuideIntroduction } from './api.js';
import { GuideTextsForm } from './GuideTextsForm.js';

/** Lathund: an introduction, then for each effect goal of the plan how the system is used and which statistics are wanted. */
export function ProcessGuideSection({
  projectId,
  guide,
  canEdit,
}: {
  projectId: string;
  guide: ProcessGuide;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-labelledby="lathund">
      <Title order={2} id="lathund">
        {t('communication.guide.title')}
      </Title>
      <Text c="gray.7" maw={760}>
        {t('communication.guide.instruction')}
      </Text>
      <Introduction projectId={projectId} guide={guide} canEdit={canEdit} />
      {guide.goals.length === 0 ? (
        <Text>
          {t('communication.guide.noGoals')}{' '}
          <Anchor component={Link} to={`/projekt/${projectId}/plan#${sectionAnchor('mal')}`}>
            {t('communication.guide.addGoals')}
          </Anchor>
          .
        </Text>
      ) : (
        guide.goals.map((goal) => <GoalGuide key={goal.goalId} projectId={projectId} goal={goal} canEdit={canEdit} />)
      )}
    </Stack>
  );
}

/** A part of the guide with its heading, the texts to read and, for writers, a button that opens the editors. */
function GuidePart({
  headingId,
  heading,
  details,
  editLabel,
  canEdit,
  children,
  form,
}: {
  headingId: string;
  heading: string;
  details?: string | null;
  editLabel: string;
  canEdit: boolean;
  children: React.ReactNode;
  form: (close: () => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {heading}
          </Title>
          {details && (
            <Text size="sm" c="gray.7">
              {details}
            </Text>
          )}
        </div>
        {canEdit && !editing && (
          <Button ref={editButton} variant="light" aria-label={editLabel} onClick={() => setEditing(true)}>
            {t('communication.guide.edit')}
          </Button>
        )}
      </Group>
      {editing ? form(() => setEditing(false)) : children}
    </Paper>
  );
}

function GuideText({ doc }: { doc: RichText }) {
  const { t } = useTranslation();
  if (!isRichTextEmpty(doc)) return <RichTextView doc={doc} />;
  return (
    <Text c="gray.7" fs="italic">
      {t('communication.guide.notWritten')}
    </Text>
  );
}

function Introduction({ projectId, guide, canEdit }: { projectId: string; guide: ProcessGuide; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveGuideIntroduction(projectId);
  const reload = useReloadCommunication(projectId);
  const label = t('communication.guide.introductionLabel');
  return (
    <GuidePart
      headingId="lathund-inledning"
      heading={t('communication.guide.introduction')}
      editLabel={t('communication.guide.editIntroduction')}
      canEdit={canEdit}
      form={(close) => (
        <GuideTextsForm
          fields={[{ key: 'introduction', label }]}
          saved={{ version: guide.version, texts: { introduction: guide.introduction } }}
          save={(version, texts) => save.mutateAsync({ version, introduction: texts.introduction })}
          reload={async () => {
            const fresh = (await reload()).guide;
            return { version: fresh.version, texts: { introduction: fresh.introduction } };
          }}
          onDone={close}
        />
      )}
    >
      <GuideText doc={guide.introduction} />
    </GuidePart>
  );
}

function GoalGuide({ projectId, goal, canEdit }: { projectId: string; goal: ProcessGuideGoal; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveGuideGoal(projectId);
  const reload = useReloadCommunication(projectId);
  const headingId = `lathund-${goal.goalId}`;
  const usage = t('communication.guide.usage');
  const statistics = t('communication.guide.statistics');
  const textsOf = (entry: ProcessGuideGoal) => ({
    version: entry.version,
    texts: { usage: entry.usage, statistics: entry.statistics },
  });
  return (
    <GuidePart
      headingId={headingId}
      heading={goal.goalTitle}
      details={goal.goalMeasure && t('communication.guide.measure', { measure: goal.goalMeasure })}
      editLabel={t('communication.guide.editGoal', { title: goal.goalTitle })}
      canEdit={canEdit}
      form={(close) => (
        <GuideTextsForm
          fields={[
            { key: 'usage', label: usage },
            { key: 'statistics', label: statistics },
          ]}
          saved={textsOf(goal)}
          save={(version, texts) => save.mutateAsync({ goalId: goal.goalId, version, ...texts })}
          reload={async () => {
            const fresh = (await reload()).guide.goals.find((entry) => entry.goalId === goal.goalId);
            return fresh && textsOf(fresh);
          }}
          onDone={close}
        />
      )}
    >
      <Stack gap="sm">
        <div>
          <Title order={4} size="h5">
            {usage}
          </Title>
          <GuideText doc={goal.usage} />
        </div>
        <div>
          <Title order={4} size="h5">
            {statistics}
          </Title>
          <GuideText doc={goal.statistics} />
        </div>
      </Stack>
    </GuidePart>
  );
}
