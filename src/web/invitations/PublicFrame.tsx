import { Center, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the pages one reaches without being signed in, as the login page. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%" radius="md">
        <Stack gap="xs" mb="lg">
          <Text fw={700} c="blue.9" size="lg">
            {t('app.name')}
          </Text>
          <Text size="sm" c="gray.7">
            {t('app.tagline')}
          </Text>
        </Stack>
        {children}
      </Paper>
    </Center>
  );
}
