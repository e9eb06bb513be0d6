/** A moment as Swedish readers write it: "3 maj 2026 14:05". */
export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' });

export const formatDate = (iso: string): string => new Date(iso).toLocaleDateString('sv-SE', { dateStyle: 'long' });
