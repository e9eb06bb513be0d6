import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetRows, workbookOf, zipBombWorkbook, zipOf } from './test-zips.js';
import { bufferSource, checkZip, ZipFormatError, type ZipLimits, ZipTooLargeError } from './zip-guard.js';

const MB = 1024 * 1024;
const limits: ZipLimits = { maxEntries: 100, maxEntryBytes: 32 * MB, maxTotalBytes: 48 * MB, maxRatio: 200 };
const check = (bytes: Buffer, own: Partial<ZipLimits> = {}) => checkZip(bufferSource(bytes), { ...limits, ...own });

describe('zip guard', () => {
  it('lets through a workbook as Excel writers make them, with data descriptors too', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personal');
    sheet.addRow(['Namn', 'E-post']);
    for (let row = 0; row < 2000; row++) sheet.addRow([`Person ${row}`, `person${row}@exempel.se`]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(check(bytes)).resolves.toBeUndefined();
    // The streaming writer sizes each entry in a data descriptor after it, as many writers do.
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const streamed = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
    const streamedSheet = streamed.addWorksheet('Personal');
    for (let row = 0; row < 2000; row++) streamedSheet.addRow([`Person ${row}`, `person${row}@exempel.se`]).commit();
    streamedSheet.commit();
    await streamed.commit();
    const withDescriptors = Buffer.concat(chunks);
    expect(withDescriptors.readUInt16LE(6) & 0x08).toBe(0x08);
    await expect(check(withDescriptors)).resolves.toBeUndefined();
    await expect(check(await workbookOf({ content: sheetRows([['Namn'], ['Anna']]) }))).resolves.toBeUndefined();
  });

  it('refuses a bomb by what its directory says, before inflating it', async () => {
    const bomb = await zipBombWorkbook(200);
    expect(bomb.length).toBeLessThan(MB);
    await expect(check(bomb)).rejects.toThrow(ZipTooLargeError);
    // Within the size caps, the ratio alone refuses it.
    await expect(check(bomb, { maxEntryBytes: 1024 * MB, maxTotalBytes: 1024 * MB })).rejects.toThrow(
      /växer mer än 200 gånger/,
    );
  });

  it('refuses an archive whose entries together inflate beyond the total', async () => {
    const entry = (name: string) => ({ name, content: randomBytes(MB), repeat: 2 });
    await expect(
      check(await zipOf([entry('a.xml'), entry('b.xml'), entry('c.xml')]), {
        maxEntryBytes: 3 * MB,
        maxTotalBytes: 5 * MB,
      }),
    ).rejects.toThrow(/mer än 5 MB/);
  });

  it('refuses an entry that holds more than its directory says, stopping at the claimed size', async () => {
    const lying = await zipOf([{ name: 'a.xml', content: Buffer.alloc(MB, 'A'), repeat: 8, claimedSize: 100_000 }]);
    await expect(check(lying)).rejects.toThrow(/mer än den uppger/);
  });

  it('refuses an entry hidden from the directory, which a streaming reader would still inflate', async () => {
    const hidden = await zipOf([
      { name: 'a.xml', content: '<a/>' },
      { name: 'b.xml', content: Buffer.alloc(MB, 'A'), repeat: 8, hidden: true },
      { name: 'c.xml', content: '<c/>' },
    ]);
    await expect(check(hidden)).rejects.toThrow(ZipFormatError);
  });

  it('refuses what is not a zip, or is cut off', async () => {
    await expect(check(Buffer.from('Namn;E-post\n'))).rejects.toThrow(ZipFormatError);
    const whole = await workbookOf({ content: sheetRows([['Namn'], ['Anna']]) });
    await expect(check(whole.subarray(0, whole.length - 30))).rejects.toThrow(ZipFormatError);
  });
});
