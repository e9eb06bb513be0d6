import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../shared/plan.js';

/** A risk's assessment on one line, and what is done about it. */
export function RiskSummary({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const level = (value: Risk['likelihood']) => (value ? t(`plan.risks.levels.${value}`) : t('plan.risks.notAssessed'));
  return (
    <>
      <Text size="sm">
        {[
          `${t('plan.risks.likelihood')}: ${level(risk.likelihood)}`,
          `${t('plan.risks.impact')}: ${level(risk.impact)}`,
          `${t('plan.risks.owner')}: ${risk.owner?.name ?? t('plan.risks.noOwner')}`,
          `${t('plan.risks.status')}: ${t(`plan.risks.statuses.${risk.status}`)}`,
        ].join(' · ')}
      </Text>
      {risk.mitigation && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {t('plan.risks.mitigation')}: {risk.mitigation}
        </Text>
      )}
    </>
  );
}
