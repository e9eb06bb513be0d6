import './plan.css';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Plan } from '../../shared/plan.js';
import type { ProjectDetail } from '../../shared/projects.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useScrollToHash } from '../layout/useScrollToHash.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { usePlan } from './api.js';
import { EvaluationSection } from './EvaluationSection.js';
import { GoalsSection } from './GoalsSection.js';
import { RisksSection } from './RisksSection.js';
import { SectionFrame, sectionAnchor, useSectionTitle } from './SectionFrame.js';
import { TextSection } from './TextSection.js';
import { UnsavedChangesGuard } from './UnsavedChanges.js';

/** Sections whose content is structured rather than formatted text, by the template's keys. */
const GOALS = 'mal';
const EVALUATION = 'utvardering';
const RISKS = 'risk-och-framgangsfaktorer';

/** `/projekt/:projectId/plan`: the plan document, section by section in the template's order. */
export function PlanPage() {
  const { t } = useTranslation();
  const projectId = useParams().projectId as string;
  const project = useProject(projectId);
  const plan = usePlan(projectId);
  useScrollToHash(project.data !== undefined && plan.data !== undefined);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;

  return (
    <UnsavedChangesGuard>
      <Stack gap="xl" maw={1400}>
        <ProjectSubpageHeader project={project.data} title={t('plan.title')} intro={t('plan.intro')} />
        {plan.isError && <ErrorMessage error={plan.error} onRetry={() => plan.refetch()} />}
        {plan.isPending && <Text>{t('common.loading')}</Text>}
        {plan.data && <PlanDocument project={project.data} plan={plan.data} />}
      </Stack>
    </UnsavedChangesGuard>
  );
}

function PlanDocument({ project, plan }: { project: ProjectDetail; plan: Plan }) {
  const { t } = useTranslation();
  const canEdit = project.permissions.edit;
  const common = { projectId: project.id, plan, canEdit };
  return (
    <div className="plan-layout">
      <Contents plan={plan} />
      <Stack gap="lg" className="plan-sections">
        {!canEdit && <Text c="gray.7">{t('plan.readOnly')}</Text>}
        {plan.sections.map((section, index) => {
          const number = index + 1;
          if (section.key === GOALS)
            return (
              <GoalsSection
                key={section.key}
                {...common}
                customerId={project.customer.id}
                section={section}
                number={number}
              />
            );
          if (section.key === EVALUATION)
            return <EvaluationSection key={section.key} {...common} section={section} number={number} />;
          if (section.key === RISKS)
            return (
              <RisksSection
                key={section.key}
                {...common}
                customerId={project.customer.id}
                section={section}
                number={number}
              />
            );
          // A section without fields is the template's text alone (Projektavslutning).
          if (section.fields.length === 0) return <SectionFrame key={section.key} section={section} number={number} />;
          return (
            <TextSection key={section.key} projectId={project.id} section={section} number={number} canEdit={canEdit} />
          );
        })}
      </Stack>
    </div>
  );
}

function Contents({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const title = useSectionTitle();
  return (
    <Paper component="nav" aria-labelledby="planens-innehall" withBorder radius="md" p="md" className="plan-contents">
      <Title order={2} size="h5" id="planens-innehall" mb="xs">
        {t('plan.contents')}
      </Title>
      <Stack component="ol" gap={6} className="plan-plain-list">
        {plan.sections.map((section, index) => (
          <li key={section.key}>
            <Anchor href={`#${sectionAnchor(section.key)}`} size="sm">
              {title(section, index + 1)}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
