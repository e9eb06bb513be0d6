import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/organisation.js';
import { useSwitchLogin } from '../invitations/api.js';
import { ConfirmRemovalDialog } from '../layout/ConfirmRemovalDialog.js';

type Switchable = Pick<Person, 'id' | 'name' | 'hasLogin' | 'invited' | 'loginDisabled'>;

/**
 * "Stäng av inloggning" (someone who has left) or "Aktivera inloggning" beside each person with a
 * login, asked for again in a dialog; `onSwitched` gets the sentence to show once it is done.
 */
export function useLoginSwitch(onSwitched: (notice: string) => void): {
  button: (person: Switchable) => ReactNode;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const switchLogin = useSwitchLogin();
  const [asking, setAsking] = useState<Switchable | null>(null);
  const disabling = asking ? !asking.loginDisabled : true;

  const button = (person: Switchable) =>
    (person.hasLogin || person.invited || person.loginDisabled) && (
      <Button
        size="compact-xs"
        variant="default"
        aria-label={t(person.loginDisabled ? 'customer.people.enableLoginLabel' : 'customer.people.disableLoginLabel', {
          name: person.name,
        })}
        onClick={() => setAsking(person)}
      >
        {t(person.loginDisabled ? 'customer.people.enableLogin' : 'customer.people.disableLogin')}
      </Button>
    );

  const dialog = (
    <ConfirmRemovalDialog
      opened={asking !== null}
      title={t(disabling ? 'customer.people.disableLoginTitle' : 'customer.people.enableLoginTitle', {
        name: asking?.name,
      })}
      text={t(disabling ? 'customer.people.disableLoginText' : 'customer.people.enableLoginText', {
        name: asking?.name,
      })}
      confirmLabel={t(disabling ? 'customer.people.disableLogin' : 'customer.people.enableLogin')}
      closeLabel={t('common.close')}
      removal={switchLogin}
      onConfirm={() => {
        if (!asking) return;
        switchLogin.mutate(
          { personId: asking.id, disabled: disabling },
          {
            onSuccess: () => {
              onSwitched(
                t(disabling ? 'customer.people.loginDisabledNotice' : 'customer.people.loginEnabledNotice', {
                  name: asking.name,
                }),
              );
              setAsking(null);
            },
          },
        );
      }}
      onClose={() => setAsking(null)}
    />
  );
  return { button, dialog };
}
