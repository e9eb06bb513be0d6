const localeOf = (language: string) => (language.startsWith('en') ? 'en-GB' : 'sv-SE');

/** A session's day with its weekday, e.g. "tisdag 9 mars 2027", read as the same day everywhere. */
export const formatSessionDate = (isoDate: string, language: string): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
