import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { bufferSource, checkZip, fileSource, ZipFormatError, type ZipLimits, ZipTooLargeError } from './zip-guard.js';

/**
 * The caps every domain applies to an uploaded Excel workbook before a reader expands it, and the
 * one way such a refusal is answered.
 */

const MB = 1024 * 1024;

/** A person or school register of at most 10 000 rows is a few megabytes of sheet XML. */
export const IMPORT_WORKBOOK_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 96 * MB,
  maxRatio: 200,
};

/** A school-platform export may be large; it is read as a stream, so the cap grows with the upload limit. */
export const measurementWorkbookLimits = (maxUploadMegabytes: number): ZipLimits => ({
  maxEntries: 1000,
  maxEntryBytes: Math.max(256, 10 * maxUploadMegabytes) * MB,
  maxTotalBytes: Math.max(256, 10 * maxUploadMegabytes) * MB,
  maxRatio: 200,
});

/** Rows a worksheet can hold in Excel; a streamed sheet with more is not an Excel export. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The answer to a workbook that inflates beyond the caps, at `field` (the form's file field). */
export const unpackedTooLarge = (message: string, field = 'file', prefix = '') =>
  new AppError('UNPACKED_TOO_LARGE', `${prefix}${message}`, { [field]: message });

/**
 * Checks a workbook held in memory. A refusal for its size is answered at once; a damaged archive
 * is left to `onDamaged`, which answers in the words of the domain.
 */
export async function checkWorkbookBuffer(
  bytes: Buffer,
  limits: ZipLimits,
  onDamaged: (message: string) => Error,
): Promise<void> {
  try {
    await checkZip(bufferSource(bytes), limits);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw unpackedTooLarge(error.message);
    if (error instanceof ZipFormatError) throw onDamaged(error.message);
    throw error;
  }
}

/** A workbook streamed to a temporary file (its central directory is at the end) and checked there. */
export interface SpooledWorkbook {
  path: string;
  remove(): Promise<void>;
}

/**
 * Writes the upload's chunks to a temporary file, then checks it. The file is removed on any failure;
 * otherwise the caller removes it once read. Errors of the upload itself (too large, cut off) pass through.
 */
export async function spoolWorkbook(chunks: AsyncIterable<Buffer>, limits: ZipLimits): Promise<SpooledWorkbook> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stegvis-upload-'));
  const remove = () => fs.promises.rm(folder, { recursive: true, force: true });
  const file = path.join(folder, 'workbook.xlsx');
  try {
    const handle = await fs.promises.open(file, 'w');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    const source = await fileSource(file);
    try {
      await checkZip(source, limits);
    } finally {
      await source.close();
    }
    return { path: file, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
