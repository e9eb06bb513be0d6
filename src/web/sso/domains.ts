/** The keys that end a domain in the domains field. */
export const DOMAIN_SEPARATORS = [',', ' ', ';'];

/**
 * Text accepted as one tag (pasted, or typed and then left without a separator) may hold several
 * domains: each becomes its own tag, once.
 */
export const separateDomains = (tags: string[]): string[] => [
  ...new Set(tags.flatMap((tag) => tag.split(/[\s,;]+/)).filter((domain) => domain !== '')),
];
