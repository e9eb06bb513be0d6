import { swedishDate } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';

export const closureMailSubject = (customerName: string) => `Beställaren har godkänt projektavslutet: ${customerName}`;

const openItemsSentence = (openCount: number) =>
  openCount === 0
    ? 'Inget var öppet när avslutet godkändes.'
    : `${openCount === 1 ? '1 sak var' : `${openCount} saker var`} fortfarande öppna när avslutet godkändes.`;

/** Tells the vendor that the Beställare approved the closure and when the follow-up meeting is. */
export function closureMail(input: {
  to: string;
  name: string;
  approverName: string;
  customerName: string;
  projectName: string;
  openCount: number;
  followUp: { title: string; date: string };
  link: string;
}): MailMessage {
  const paragraphs = [
    `Hej ${input.name}!`,
    `${input.approverName}, beställare hos ${input.customerName}, har godkänt avslutet av ${input.projectName}. Införandefasen är över och projektet är nu i genomförandefasen.`,
    openItemsSentence(input.openCount),
    `${input.followUp.title} ligger på tidslinjen ${swedishDate(input.followUp.date)}.`,
  ];
  return {
    to: input.to,
    subject: closureMailSubject(input.customerName),
    link: input.link,
    text: [...paragraphs, `Se vad som var öppet och planera uppföljningen här:\n${input.link}`].join('\n\n'),
    html: htmlMail({ before: paragraphs, link: { href: input.link, label: 'Öppna avslutet' }, after: [] }),
  };
}
