/** The only links formatted text may hold; the API refuses any other. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** "www.exempel.se" → "https://www.exempel.se", "namn@exempel.se" → "mailto:namn@exempel.se". */
export function completeAddress(typed: string): string {
  const address = typed.trim();
  if (address === '' || /^[a-z][a-z0-9+.-]*:/i.test(address)) return address;
  return address.includes('@') && !address.includes('/') ? `mailto:${address}` : `https://${address}`;
}
