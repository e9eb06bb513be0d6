import { Button, Popover } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSteps } from '../../shared/steps.js';
import { ChangeStepForm } from './ChangeStepForm.js';

/** "Ändra steg": a small form beside the bar, for those who may decide the step. */
export function ChangeStepButton({
  projectId,
  steps,
  onChanged,
}: {
  projectId: string;
  steps: ProjectSteps;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const titleId = useId();
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus width={380} position="bottom-end" shadow="md">
      <Popover.Target>
        <Button variant="default" size="sm" onClick={() => setOpened((current) => !current)}>
          {t('steps.change.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId}>
        <ChangeStepForm
          projectId={projectId}
          steps={steps}
          titleId={titleId}
          onChanged={() => {
            setOpened(false);
            onChanged();
          }}
          onCancel={() => setOpened(false)}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
