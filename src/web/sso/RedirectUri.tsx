import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one address every provider must know as Stegvis's redirect URI, ready to copy. */
export function RedirectUri({ redirectUri }: { redirectUri: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="omdirigeringsadress">
      <Stack gap="sm">
        <Title order={2} size="h4" id="omdirigeringsadress">
          {t('sso.redirect.title')}
        </Title>
        <Text size="sm">{t('sso.redirect.intro')}</Text>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('sso.redirect.label')}
            value={redirectUri}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
          />
          <CopyButton value={redirectUri}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} color={copied ? 'teal.9' : undefined}>
                {copied ? t('sso.redirect.copied') : t('sso.redirect.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Paper>
  );
}
