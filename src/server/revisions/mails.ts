import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

export const revisionMailSubject = (customerName: string, number: number) =>
  `Ny version av projektplanen: ${customerName} (version ${number})`;

/** "Sedan version 2 har 3 saker ändrats." — what the reader has to look at, before opening the link. */
function changeSummary(changesSincePrevious: { previous: number; count: number } | null): string | null {
  if (!changesSincePrevious) return null;
  const { previous, count } = changesSincePrevious;
  if (count === 0) return `Inget i planen har ändrats sedan version ${previous}.`;
  return `Sedan version ${previous} har ${count === 1 ? '1 sak' : `${count} saker`} ändrats.`;
}

/** Tells the vendor that the customer has sent a new version of the plan, with the sender's message. */
export function revisionMail(input: {
  to: string;
  name: string;
  senderName: string;
  customerName: string;
  projectName: string;
  number: number;
  message: string;
  changesSincePrevious: { previous: number; count: number } | null;
  link: string;
}): MailMessage {
  const intro = `${input.senderName} har skickat version ${input.number} av projektplanen för ${input.projectName} (${input.customerName}).`;
  const changes = changeSummary(input.changesSincePrevious);
  const messageHeading = `Meddelande från ${input.senderName}:`;
  const messageLines = input.message.split(/\r?\n/).filter((line) => line.trim() !== '');
  return {
    to: input.to,
    subject: revisionMailSubject(input.customerName, input.number),
    link: input.link,
    text: [
      `Hej ${input.name}!`,
      intro,
      `${messageHeading}\n${input.message}`,
      ...(changes ? [changes] : []),
      `Se versionen och vad som är nytt här:\n${input.link}`,
    ].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro, messageHeading, ...messageLines, ...(changes ? [changes] : [])],
      link: { href: input.link, label: `Öppna version ${input.number}` },
      after: [],
    }),
  };
}
