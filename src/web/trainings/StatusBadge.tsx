import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrainingStatus } from './rules.js';

// Dark shades keep white text readable; the words carry the meaning, the colour only repeats it.
const colours: Record<TrainingStatus, string> = {
  noTrainees: 'gray.7',
  noneMissed: 'gray.7',
  needsDates: 'red.9',
  awaitingConfirmation: 'blue.9',
  needsMoreSessions: 'red.9',
  needsSplitChoice: 'red.9',
  needsBooking: 'blue.9',
  booked: 'teal.9',
  someMissed: 'blue.9',
  completed: 'teal.9',
};

export function StatusBadge({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="filled" size="lg" tt="none">
      {t(`trainings.status.${status}`)}
    </Badge>
  );
}
