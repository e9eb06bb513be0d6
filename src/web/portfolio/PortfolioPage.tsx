import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `/portfolj`: the vendor's view over every customer project. */
export function PortfolioPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('portfolio.title')}</Title>;
}
