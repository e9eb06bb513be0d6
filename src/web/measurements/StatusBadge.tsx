import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalStatus } from '../../shared/measurements.js';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

// Each state has its own shape as well as its own word, so neither colour nor icon carries it alone.
const icons: Record<GoalStatus, ReactNode> = {
  achieved: (
    <Icon>
      <path d="M5 12l5 5l9-10" />
    </Icon>
  ),
  on_track: (
    <Icon>
      <path d="M4 17l6-6l4 4l6-7" />
      <path d="M15 8h5v5" />
    </Icon>
  ),
  at_risk: (
    <Icon>
      <path d="M12 4l9 16h-18z" />
      <path d="M12 10v4" />
      <path d="M12 17v.01" />
    </Icon>
  ),
  missed: (
    <Icon>
      <path d="M6 6l12 12" />
      <path d="M18 6l-12 12" />
    </Icon>
  ),
  not_measured: (
    <Icon>
      <circle cx="12" cy="12" r="8" />
      <path d="M8 12h8" />
    </Icon>
  ),
};

// Dark shades keep white text readable (WCAG AA); risk is yellow with dark text.
const colours: Record<GoalStatus, string> = {
  achieved: 'teal.9',
  on_track: 'blue.9',
  at_risk: 'yellow.4',
  missed: 'red.9',
  not_measured: 'gray.7',
};

export function StatusBadge({ state }: { state: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colours[state]}
      autoContrast
      variant="filled"
      size="xl"
      tt="none"
      leftSection={icons[state]}
      // A long goal title wraps; the status keeps its whole word.
      style={{ flexShrink: 0 }}
    >
      <span className="visually-hidden">{t('measurements.status.label')} </span>
      {t(`measurements.status.${state}`)}
    </Badge>
  );
}
