import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * Checks an uploaded zip (an .xlsx is one) before anything inflates it: a file of a megabyte can
 * hold gigabytes, and a spreadsheet reader that inflates it whole stalls the process for everyone.
 *
 * The central directory at the end of the file says what every entry inflates to; those sizes and
 * the compression ratio are checked against the caps first. The entries are then walked from the
 * start the way a streaming reader (unzipper, under exceljs) walks them, so that it can meet no
 * entry the directory does not list, and each entry is inflated once to count what it really holds,
 * without keeping it, stopping as soon as it holds more than it said.
 */

export interface ZipLimits {
  /** Entries in the archive (an .xlsx has a dozen or two). */
  maxEntries: number;
  /** Bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte, for an entry larger than a megabyte; XML compresses 5–20 times. */
  maxRatio: number;
}

/** The archive inflates to more than the caps allow: refused before it is expanded. */
export class ZipTooLargeError extends Error {}

/** Not a zip a reader can walk (damaged, encrypted, Zip64, an unknown compression). */
export class ZipFormatError extends Error {}

/** Random access to the uploaded bytes, in memory or in a temporary file. */
export interface ZipSource {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  stream(start: number, endExclusive: number): Readable;
}

export function bufferSource(bytes: Buffer): ZipSource {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    stream: (start, endExclusive) => Readable.from([bytes.subarray(start, endExclusive)], { objectMode: false }),
  };
}

export async function fileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const handle = await fs.promises.open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    },
    // An empty range is an empty stream: createReadStream's `end` is inclusive.
    stream: (start, endExclusive) =>
      endExclusive > start
        ? fs.createReadStream(path, { start, end: endExclusive - 1 })
        : Readable.from([], { objectMode: false }),
    close: () => handle.close(),
  };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ZIP64_MARK = 0xffffffff;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
const RATIO_FROM_BYTES = 1024 * 1024;

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('sv-SE');

const damaged = () => new ZipFormatError('Filen är skadad eller inte en vanlig zip-fil');

/** Throws ZipTooLargeError or ZipFormatError; returns when the archive may be expanded as it is. */
export async function checkZip(source: ZipSource, limits: ZipLimits): Promise<void> {
  const { entries, directoryOffset } = await centralDirectory(source, limits);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipTooLargeError(
        `Filen packas upp till mer än ${megabytes(limits.maxEntryBytes)} MB och kan inte läsas. Dela upp den i mindre filer.`,
      );
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ZipTooLargeError(
        `Filen packas upp till mer än ${megabytes(limits.maxTotalBytes)} MB och kan inte läsas. Dela upp den i mindre filer.`,
      );
    }
    if (entry.uncompressedSize > RATIO_FROM_BYTES && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      throw new ZipTooLargeError(
        `Filen växer mer än ${limits.maxRatio} gånger när den packas upp, vilket ingen vanlig Excel-fil gör, och kan inte läsas.`,
      );
    }
    if (entry.flags & 0x1) throw new ZipFormatError('Filen är krypterad eller lösenordsskyddad');
    if (entry.method !== 0 && entry.method !== 8) throw damaged();
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw damaged();
  }
  const regions = await localEntries(source, entries, directoryOffset);
  for (const [index, entry] of entries.entries()) {
    if (entry.method === 8) await inflatesWithin(source, regions[index], entry.uncompressedSize);
  }
}

async function centralDirectory(
  source: ZipSource,
  limits: ZipLimits,
): Promise<{ entries: Entry[]; directoryOffset: number }> {
  const tailLength = Math.min(source.size, EOCD_BYTES + MAX_COMMENT);
  const tail = await source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let position = tail.length - EOCD_BYTES; position >= 0; position--) {
    if (tail.readUInt32LE(position) === EOCD) {
      at = position;
      break;
    }
  }
  if (at < 0) throw damaged();
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK) throw damaged();
  if (count > limits.maxEntries) {
    throw new ZipTooLargeError(`Filen innehåller fler än ${limits.maxEntries} delar och kan inte läsas`);
  }
  if (directoryOffset + directorySize > source.size - tailLength + at) throw damaged();
  const directory = await source.read(directoryOffset, directorySize);
  const entries: Entry[] = [];
  let position = 0;
  for (let index = 0; index < count; index++) {
    if (position + 46 > directory.length || directory.readUInt32LE(position) !== CENTRAL) throw damaged();
    const nameLength = directory.readUInt16LE(position + 28);
    const entry: Entry = {
      flags: directory.readUInt16LE(position + 8),
      method: directory.readUInt16LE(position + 10),
      compressedSize: directory.readUInt32LE(position + 20),
      uncompressedSize: directory.readUInt32LE(position + 24),
      offset: directory.readUInt32LE(position + 42),
      name: directory.subarray(position + 46, position + 46 + nameLength),
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.offset].includes(ZIP64_MARK)) throw damaged();
    entries.push(entry);
    position += 46 + nameLength + directory.readUInt16LE(position + 30) + directory.readUInt16LE(position + 32);
  }
  return { entries: entries.sort((a, b) => a.offset - b.offset), directoryOffset };
}

interface Region {
  start: number;
  end: number;
}

/**
 * Walks the local entries from the first byte as unzipper does (its size, or with a data descriptor
 * up to the first descriptor signature), and requires each to be the next entry of the directory:
 * so the reader later inflates exactly the regions checked here, and nothing hidden between them.
 */
async function localEntries(source: ZipSource, entries: Entry[], directoryOffset: number): Promise<Region[]> {
  const regions: Region[] = [];
  let position = 0;
  for (const entry of entries) {
    const header = await source.read(position, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL || entry.offset !== position) throw damaged();
    const flags = header.readUInt16LE(6);
    const compressedSize = header.readUInt32LE(18);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const name = await source.read(position + 30, nameLength);
    if (!name.equals(entry.name) || header.readUInt16LE(8) !== entry.method) throw damaged();
    const start = position + 30 + nameLength + extraLength;
    const sizeKnown = !(flags & 0x08) || compressedSize > 0;
    let end: number;
    if (sizeKnown) {
      end = start + compressedSize;
      position = end;
    } else {
      end = await findDescriptor(source, start, directoryOffset);
      const descriptor = await source.read(end, 16);
      if (descriptor.length < 16 || descriptor.readUInt32LE(0) !== DESCRIPTOR) throw damaged();
      position = end + 16;
    }
    if (end - start !== entry.compressedSize || position > directoryOffset) throw damaged();
    regions.push({ start, end });
  }
  const next = await source.read(position, 4);
  if (position !== directoryOffset || next.length < 4 || next.readUInt32LE(0) !== CENTRAL) throw damaged();
  return regions;
}

/** Where the first data-descriptor signature at or after `start` begins. */
async function findDescriptor(source: ZipSource, start: number, limit: number): Promise<number> {
  const chunk = 1024 * 1024;
  for (let position = start; position < limit; position += chunk) {
    // Three bytes of overlap find a signature cut by the chunk boundary.
    const bytes = await source.read(position, Math.min(chunk + 3, limit - position));
    const found = bytes.indexOf(DESCRIPTOR_SIGNATURE);
    if (found >= 0) return position + found;
  }
  throw damaged();
}

/** Inflates a region without keeping it; refuses it once it holds more than the directory said. */
async function inflatesWithin(source: ZipSource, region: Region, declared: number): Promise<void> {
  let inflated = 0;
  const tooMuch = new ZipTooLargeError('Filen innehåller mer än den uppger och kan inte läsas');
  const inflater = zlib.createInflateRaw();
  try {
    await pipeline(source.stream(region.start, region.end), inflater, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        inflated += chunk.length;
        if (inflated > declared) throw tooMuch;
      }
    });
  } catch {
    // Stopping the inflater may end the pipeline with its own error rather than ours.
    throw inflated > declared ? tooMuch : damaged();
  }
}
