import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** One recipient of the envelope: a mail to two people is kept twice. */
  to: string;
  /** The envelope's sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The text/calendar part of an invitation, decoded; empty without one. */
  calendar: string;
  /** The `method` parameter of the calendar part's content type (REQUEST, CANCEL). */
  calendarMethod: string;
  /** The message as it arrived, headers and encoding untouched. */
  raw: string;
}

function decodeQuotedPrintable(encoded: string): string {
  const joined = encoded.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const headerOf = (head: string, name: string) =>
  (new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(head)?.[1] ?? '').replace(/\r?\n[ \t]+/g, ' ');

const decodeEncodedWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' ')),
    );

interface Part {
  type: string;
  body: string;
}

/** The leaf parts of a MIME entity, nested multiparts (an invitation's mixed and alternative) opened. */
function leafParts(entity: string): Part[] {
  const split = entity.search(/\r?\n\r?\n/);
  const head = split === -1 ? entity : entity.slice(0, split);
  const body = split === -1 ? '' : entity.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headerOf(head, 'Content-Type');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => leafParts(part.replace(/^\r?\n/, '')));
  }
  const encoding = headerOf(head, 'Content-Transfer-Encoding').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.trim(), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.trim())
        : body.trim();
  return [{ type, body: decoded.replace(/\r\n/g, '\n') }];
}

/** A header of a raw mail (To, Subject, …), folded lines joined and encoded words decoded. */
export const mailHeader = (raw: string, name: string) =>
  decodeEncodedWords(headerOf(raw.slice(0, raw.search(/\r?\n\r?\n/)), name));

/** The subject and the decoded plain-text, HTML and calendar parts of a mail. */
export function parseMail(raw: string): Omit<ReceivedMail, 'to' | 'from' | 'raw'> {
  const parts = leafParts(raw);
  const calendarPart = parts.find((part) => part.type.toLowerCase().startsWith('text/calendar'));
  return {
    subject: mailHeader(raw, 'Subject'),
    text: parts.find((part) => part.type.startsWith('text/plain'))?.body ?? '',
    html: parts.find((part) => part.type.startsWith('text/html'))?.body ?? '',
    calendar: calendarPart?.body ?? '',
    calendarMethod: /method="?([A-Z]+)"?/i.exec(calendarPart?.type ?? '')?.[1]?.toUpperCase() ?? '',
  };
}

export interface SmtpOptions {
  /** Requires a login with these credentials (in `url`) and keeps each user name that logs in in `logins`. */
  login?: { user: string; password: string };
}

/**
 * A real SMTP server on a free loopback port that keeps every mail it receives, once per
 * recipient. Start the app with `env: { SMTP_URL: smtp.url }` and wait for `mailer.idle()`.
 * Set `control.refuse` to have it refuse every recipient until it is unset.
 */
export async function startSmtp(options: SmtpOptions = {}) {
  const { login } = options;
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const control = { refuse: false };
  const server = new SMTPServer({
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: Boolean(login),
    logger: false,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.password) {
        logins.push(auth.username);
        return callback(null, { user: auth.username });
      }
      return callback(new Error('Fel användare eller lösenord'));
    },
    onRcptTo(_address, _session, callback) {
      callback(control.refuse ? new Error('Mottagaren tar inte emot e-post just nu') : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = {
          ...parseMail(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
        };
        for (const recipient of session.envelope.rcptTo) received.push({ to: recipient.address, ...mail });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = login ? `${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@` : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    logins,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpListener = Awaited<ReturnType<typeof startSmtp>>;
