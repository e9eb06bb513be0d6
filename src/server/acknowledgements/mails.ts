import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

/** Asks a role holder to read the role's changed responsibility text and confirm it again. */
export function roleTextChangedMail(input: {
  to: string;
  name: string;
  roleTitle: string;
  changedBy: string;
  projectName: string;
  customerName: string;
  link: string;
}): MailMessage {
  const intro = `${input.changedBy} har ändrat ansvarstexten för din roll som ${input.roleTitle} i ${input.projectName} (${input.customerName}).`;
  const ask = 'Läs den nya texten och bekräfta att du har tagit del av ditt ansvar.';
  return {
    to: input.to,
    subject: `Ny ansvarstext för ${input.roleTitle}: ${input.customerName}`,
    link: input.link,
    text: [`Hej ${input.name}!`, intro, ask, `Läs texten här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro, ask],
      link: { href: input.link, label: 'Läs ansvarstexten' },
      after: [],
    }),
  };
}
