import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

const swedishTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/** "3 mars 2027 09:00", in Swedish time. */
export const formatSwedishTime = (at: Date): string => swedishTime.format(at);

export function invitationMail(input: {
  to: string;
  name: string;
  invitedBy: string;
  vendorName: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const intro = `${input.invitedBy} har bjudit in dig till Stegvis, där ${input.vendorName} och skolhuvudmannen driver implementeringen av skolplattformen tillsammans.`;
  const validity = `Länken gäller till ${formatSwedishTime(input.expiresAt)} och kan bara användas en gång. Du loggar sedan in med din e-postadress, ${input.to}.`;
  const ignore = 'Har du inte väntat dig det här meddelandet kan du bortse från det.';
  return {
    to: input.to,
    subject: 'Inbjudan till Stegvis',
    link: input.link,
    text: [
      `Hej ${input.name}!`,
      intro,
      `Välj ditt lösenord här för att komma igång:\n${input.link}`,
      validity,
      ignore,
    ].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro, 'Välj ditt lösenord för att komma igång:'],
      link: { href: input.link, label: 'Välj lösenord' },
      after: [validity, ignore],
    }),
  };
}

export function passwordResetMail(input: { to: string; name: string; link: string; expiresAt: Date }): MailMessage {
  const intro = 'Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord till ditt konto i Stegvis.';
  const validity = `Länken gäller till ${formatSwedishTime(input.expiresAt)} och kan bara användas en gång. När du har valt ett nytt lösenord loggas du ut på andra enheter.`;
  const ignore = 'Har du inte bett om det kan du bortse från meddelandet: ditt lösenord ändras inte.';
  return {
    to: input.to,
    subject: 'Välj ett nytt lösenord i Stegvis',
    link: input.link,
    text: [`Hej ${input.name}!`, intro, `Välj ett nytt lösenord här:\n${input.link}`, validity, ignore].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro],
      link: { href: input.link, label: 'Välj nytt lösenord' },
      after: [validity, ignore],
    }),
  };
}
