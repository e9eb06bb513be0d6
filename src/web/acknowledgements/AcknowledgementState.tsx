import { darken, Text, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleAcknowledgement } from '../../shared/acknowledgements.js';
import { formatAcknowledgedDate } from './dates.js';

/** "Bekräftat 3 mars 2027", "Inte bekräftat" or "Ny text – inte bekräftad": said in words, the colour only adds to it. */
export function AcknowledgementState({
  acknowledgement,
  size = 'xs',
}: {
  acknowledgement: Pick<RoleAcknowledgement, 'state' | 'acknowledgedAt'>;
  size?: 'xs' | 'sm';
}) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const { state, acknowledgedAt } = acknowledgement;
  // Mantine's darkest orange reaches only about 4:1 on white; darkened it passes WCAG AA.
  const colours = { confirmed: 'teal.9', outdated: darken(theme.colors.orange[9], 0.2), missing: 'gray.7' };
  const text =
    state === 'confirmed' && acknowledgedAt
      ? t('acknowledgements.confirmed', { date: formatAcknowledgedDate(acknowledgedAt, i18n.language) })
      : t(`acknowledgements.${state === 'outdated' ? 'outdated' : 'missing'}`);
  return (
    <Text size={size} c={colours[state]} fw={state === 'confirmed' ? 500 : 600}>
      {text}
    </Text>
  );
}
