import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "1 mars 2027 → 15 mars 2027"; a screen reader hears "till" instead of the arrow. */
export function FromTo({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <>
      {from} <span aria-hidden="true">→</span>
      <VisuallyHidden>{t('steering.arrowTo')}</VisuallyHidden> {to}
    </>
  );
}
