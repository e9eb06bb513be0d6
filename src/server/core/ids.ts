import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

let lastMillisecond = 0;
let sequence = 0;

/**
 * A UUID version 7: the millisecond first, then a counter, then random bits. Ids made later by
 * this process sort after earlier ones even within one millisecond, so events recorded in the same
 * millisecond keep the order they happened in.
 */
export function newOrderedId(now: number = Date.now()): string {
  if (now > lastMillisecond) {
    lastMillisecond = now;
    sequence = 0;
  } else {
    sequence = (sequence + 1) & 0xfff;
  }
  const bytes = randomBytes(16);
  const time = BigInt(lastMillisecond);
  for (let index = 0; index < 6; index++) bytes[index] = Number((time >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
