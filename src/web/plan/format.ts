/** Dates, times and amounts as the reader's language writes them; amounts always in Swedish kronor. */
const localeOf = (language: string) => (language.startsWith('en') ? 'en-GB' : 'sv-SE');

/** A saved moment (ISO timestamp), e.g. "28 november 2026 kl. 21:53". */
export const formatDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** A calendar date ('YYYY-MM-DD'), e.g. "30 juni 2027", read as the same day everywhere. */
export const formatDate = (isoDate: string, language: string): string =>
  new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

export const formatNumber = (value: number, language: string): string =>
  new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);

export const formatKronor = (amount: number): string =>
  new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(amount);

/** Some of the template's examples say "Exempel:" themselves; the page says it once. */
export const withoutExampleWord = (hint: string): string => hint.replace(/^\s*exempel:\s*/i, '');
