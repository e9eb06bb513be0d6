import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Shown in a page's place while its code is fetched the first time (pages load on first use, to
 * keep the start small). A status with visible text, so that a screen reader hears "Laddar…" too.
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}
