import { Button, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/organisation.js';
import { useInvitePerson } from '../invitations/api.js';
import { errorText } from '../layout/ErrorMessage.js';
import type { HolderExtra } from './RoleCard.js';

type Outcome = { kind: 'sent' | 'outbox' | 'error'; text: string };
type Invitee = Pick<Person, 'id' | 'name' | 'email' | 'hasLogin' | 'invited'>;

/** "Bjud in" beside each role holder who has an e-mail address but no login; see `usePersonInviteControls`. */
export function useInviteControls(): HolderExtra {
  const forPerson = usePersonInviteControls();
  return (holder) => forPerson(holder.person);
}

/**
 * "Bjud in" for a person who has an e-mail address but no login, and what came of it. The
 * outcome is kept per person, since an invited person has a login afterwards and loses the button.
 * A customer's person gets a customer login, one of the vendor's people a vendor staff login.
 */
export function usePersonInviteControls(): (person: Invitee) => ReactNode {
  const { t } = useTranslation();
  const invite = useInvitePerson();
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});

  return (person) => {
    const outcome = outcomes[person.id];
    const send = () =>
      invite.mutate(person.id, {
        onSuccess: (result) =>
          setOutcomes((current) => ({
            ...current,
            [person.id]:
              result.delivery === 'outbox'
                ? { kind: 'outbox', text: t('organisation.invitedOutbox') }
                : { kind: 'sent', text: t('organisation.invited', { name: person.name }) },
          })),
        onError: (error) =>
          setOutcomes((current) => ({ ...current, [person.id]: { kind: 'error', text: errorText(error, t) } })),
      });
    return (
      <>
        {!person.hasLogin && person.email && (
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t(person.invited ? 'organisation.inviteAgainLabel' : 'organisation.inviteLabel', {
              name: person.name,
            })}
            loading={invite.isPending && invite.variables === person.id}
            onClick={send}
          >
            {t(person.invited ? 'organisation.inviteAgain' : 'organisation.invite')}
          </Button>
        )}
        {outcome && (
          <Text
            size="xs"
            role={outcome.kind === 'error' ? 'alert' : 'status'}
            c={outcome.kind === 'error' ? 'red.9' : outcome.kind === 'sent' ? 'teal.9' : 'gray.9'}
            fw={600}
            w="100%"
          >
            {outcome.text}
          </Text>
        )}
      </>
    );
  };
}
