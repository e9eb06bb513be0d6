import { Box, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../layout/FormProblem.js';

/**
 * "Ta bort", asked once more in place before anything goes. The question takes the focus when it
 * appears and gives it back to the button when cancelled.
 */
export function ConfirmRemove({
  label,
  question,
  pending,
  error,
  onConfirm,
}: {
  /** The button's accessible name, naming what goes. */
  label: string;
  question: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (wasAsking.current) removeButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button
        ref={removeButton}
        variant="subtle"
        color="red"
        c="red.9"
        size="xs"
        aria-label={label}
        onClick={() => setAsking(true)}
      >
        {t('steering.remove')}
      </Button>
    );
  }
  return (
    <Box>
      <Group gap="xs">
        <Text size="sm">{question}</Text>
        <Button ref={confirmButton} color="red.9" size="xs" loading={pending} onClick={onConfirm}>
          {t('steering.confirmRemove')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setAsking(false)}>
          {t('steering.cancel')}
        </Button>
      </Group>
      <FormProblem error={error} />
    </Box>
  );
}
