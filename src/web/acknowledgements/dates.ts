/** "3 mars 2027": the day a confirmation was given, in Sweden. */
export const formatAcknowledgedDate = (isoTime: string, language: string): string =>
  new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(isoTime));
