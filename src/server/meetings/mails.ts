import { swedishDate } from '../core/days.js';
import { htmlMail } from '../mail/html.js';
import type { MailMessage } from '../mail/mailer.js';
import { meetingWhen } from './agenda-document.js';

/** The agenda to one member of the Styrgrupp (or the Beställare), the PDF attached. */
export function agendaMail(input: {
  to: string;
  name: string;
  senderName: string;
  project: { name: string; customerName: string };
  meeting: { date: string; time: string | null; place: string };
  agenda: { fileName: string; pdf: Buffer };
  link: string;
}): MailMessage {
  const intro = `${input.senderName} skickar dagordningen till styrgruppens möte i ${input.project.name} (${input.project.customerName}).`;
  const when = `Tid och plats: ${meetingWhen(input.meeting)}`;
  const attached = 'Dagordningen, med ändringsförslagen som ska beslutas, finns som PDF i bilagan.';
  return {
    to: input.to,
    subject: `Dagordning styrgruppsmöte ${swedishDate(input.meeting.date)}: ${input.project.customerName}`,
    link: input.link,
    attachments: [{ filename: input.agenda.fileName, content: input.agenda.pdf, contentType: 'application/pdf' }],
    text: [`Hej ${input.name}!`, intro, when, attached, `Se styrningen av projektet här:\n${input.link}`].join('\n\n'),
    html: htmlMail({
      before: [`Hej ${input.name}!`, intro, when, attached],
      link: { href: input.link, label: 'Öppna styrningen' },
      after: [],
    }),
  };
}
