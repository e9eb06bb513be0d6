const kilobyte = 1024;
export const megabyte = 1024 * 1024;
const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "12 kB", "3,4 MB": as a file manager shows sizes, never "0 kB" for a file with something in it. */
export const fileSize = (bytes: number): string =>
  bytes < megabyte ? `${Math.max(1, Math.round(bytes / kilobyte))} kB` : `${oneDecimal.format(bytes / megabyte)} MB`;
