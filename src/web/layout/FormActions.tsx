import { Button, Group } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from './FormProblem.js';

type FormActionsProps = ComponentProps<typeof FormProblem> & {
  submitLabel: string;
  pending: boolean;
  /** Absent where the form cannot be left unsaved, such as one always shown on its page. */
  onCancel?: () => void;
};

/** The end of a form: what went wrong with the last save, right above the buttons that save or leave it. */
export function FormActions({ error, onLoadLatest, submitLabel, pending, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormProblem error={error} onLoadLatest={onLoadLatest} />
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </>
  );
}
