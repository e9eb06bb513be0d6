import { formatSwedishTime } from '../invitations/mails.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

/** Told to the account's holder once per lock: someone else may be guessing their password. */
export function accountLockedMail(input: { to: string; name: string; until: Date; loginLink: string }): MailMessage {
  const what = `Någon har försökt logga in på ditt konto i Stegvis med fel lösenord många gånger. Därför är inloggning till kontot spärrad till ${formatSwedishTime(input.until)}.`;
  const you =
    'Var det du kan du logga in som vanligt när spärren har släppt, eller välja ett nytt lösenord under Glömt lösenordet.';
  const notYou =
    'Var det inte du behöver du inte göra något: lösenordet är inte ändrat. Välj gärna ett nytt, längre lösenord om du tror att någon känner till det.';
  return {
    to: input.to,
    subject: 'Inloggningen till ditt konto i Stegvis är tillfälligt spärrad',
    link: input.loginLink,
    text: [`Hej ${input.name}!`, what, you, notYou, input.loginLink].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, what, you],
      link: { href: input.loginLink, label: 'Till inloggningen' },
      after: [notYou],
    }),
  };
}
