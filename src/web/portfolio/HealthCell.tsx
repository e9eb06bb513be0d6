import { Badge, Button, List, Stack, Text } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health, HealthLevel } from '../../shared/portfolio.js';
import { LineIcon } from '../layout/LineIcon.js';

// Each level has its own shape as well as its own word, so colour never carries it alone.
const icons: Record<HealthLevel, ReactNode> = {
  good: (
    <LineIcon>
      <path d="M5 12l5 5l9-10" />
    </LineIcon>
  ),
  watch: (
    <LineIcon>
      <path d="M2 12s3.5-7 10-7s10 7 10 7s-3.5 7-10 7s-10-7-10-7z" />
      <circle cx="12" cy="12" r="3" />
    </LineIcon>
  ),
  critical: (
    <LineIcon>
      <path d="M12 4l9 16h-18z" />
      <path d="M12 10v4" />
      <path d="M12 17v.01" />
    </LineIcon>
  ),
};

// Dark shades keep white text readable (WCAG AA); "watch" is yellow with dark text.
const colours: Record<HealthLevel, string> = { good: 'teal.9', watch: 'yellow.4', critical: 'red.9' };

function HealthBadge({ health }: { health: Health }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colours[health.level]}
      autoContrast
      variant="filled"
      size="lg"
      tt="none"
      leftSection={icons[health.level]}
      style={{ flexShrink: 0 }}
    >
      <span className="visually-hidden">{t('portfolio.health.label')} </span>
      {health.score} {t(`portfolio.health.${health.level}`)}
      <span className="visually-hidden">, {t('portfolio.health.score', { score: health.score })}</span>
    </Badge>
  );
}

/** The score with its level, and on request the factors that pulled it down, in plain words. */
export function HealthCell({ health, name }: { health: Health; name: { customer: string; project: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const factorsId = useId();
  return (
    <Stack gap={4} align="flex-start">
      <HealthBadge health={health} />
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={open}
        aria-controls={factorsId}
        aria-label={t('portfolio.health.whyLabel', name)}
        onClick={() => setOpen((value) => !value)}
      >
        {t('portfolio.health.why')}
      </Button>
      <div id={factorsId} hidden={!open}>
        {health.factors.length === 0 ? (
          <Text size="sm">{t('portfolio.health.nothing')}</Text>
        ) : (
          <List size="sm" spacing={2} style={{ minWidth: '16rem' }}>
            {health.factors.map((factor) => (
              <List.Item key={factor.key}>
                {t(`portfolio.health.factor.${factor.key}`, { count: factor.count })}{' '}
                <Text span size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {t('portfolio.health.points', { points: factor.points })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
