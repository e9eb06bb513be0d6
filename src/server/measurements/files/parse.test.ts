import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openTable, type TableEntry, uniqueColumnNames } from './parse.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

/** The bytes as an upload delivers them: in chunks of `size`, which may cut a character or a line in two. */
function upload(bytes: Buffer | string, size = 64 * 1024) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < buffer.length; offset += size) chunks.push(buffer.subarray(offset, offset + size));
  const stream = Readable.from(chunks, { objectMode: false });
  return { stream, consumed: () => stream.readableEnded };
}

async function readAll(bytes: Buffer | string, size?: number) {
  const { stream, consumed } = upload(bytes, size);
  const table = await openTable(stream);
  const rows: TableEntry[] = [];
  for await (const row of table.rows) rows.push(row);
  return { format: table.format, delimiter: table.delimiter, columns: table.columns, rows, consumed: consumed() };
}

const eventRows = [
  { line: 2, cells: { Elev: 'Åsa Öberg', Ämne: 'Matematik', Datum: '2027-01-09', Lärare: 'Karin Ström' } },
  { line: 3, cells: { Elev: 'åsa öberg', Ämne: 'SVENSKA', Datum: '2027-03-14 08:15', Lärare: 'Karin Ström' } },
];

describe('reading CSV exports', () => {
  it('reads a Swedish Excel CSV: BOM, semicolons, CRLF, åäö, and says which rows it cannot read', async () => {
    const table = await readAll(fixture('bedomningar.csv'));
    expect(table).toMatchObject({ format: 'csv', delimiter: ';', columns: ['Elev', 'Ämne', 'Datum', 'Lärare'] });
    expect(table.rows.slice(0, 2)).toEqual(eventRows);
    expect(table.rows.slice(-2)).toEqual([
      { line: 12, cells: { Elev: 'Märta Åström', Ämne: 'Matematik', Datum: '', Lärare: 'Karin Ström' } },
      { line: 13, reason: 'Ett citattecken (") på rad 13 stängs aldrig' },
    ]);
    expect(table.rows).toHaveLength(12);
    expect(table.consumed).toBe(true);
  });

  it('reads the Windows-1252 copy alike, whatever the chunk size', async () => {
    const utf8 = await readAll(fixture('bedomningar.csv'));
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await readAll(fixture('bedomningar-windows-1252.csv'), size)).toEqual(utf8);
      expect(await readAll(fixture('bedomningar.csv'), size)).toEqual(utf8);
    }
  });

  it('switches to Windows-1252 at the first å even after a long stretch of plain ASCII', async () => {
    const ascii = Array.from({ length: 5000 }, (_, index) => `Elev ${index};Matematik`).join('\r\n');
    const text = `Elev;Ämne\r\n${ascii}\r\nÖrjan Åkesson;Svenska\r\n`;
    const table = await readAll(Buffer.from(text, 'latin1'), 4096);
    expect(table.columns).toEqual(['Elev', 'Ämne']);
    expect(table.rows.at(-1)).toEqual({ line: 5002, cells: { Elev: 'Örjan Åkesson', Ämne: 'Svenska' } });
  });

  it('reads UTF-16 with BOM (Excel\'s "Unicode text", tab-separated)', async () => {
    const text = '\uFEFFElev\tÄmne\r\nÅsa Öberg\tMatematik\r\n';
    const table = await readAll(Buffer.from(text, 'utf16le'), 3);
    expect(table).toMatchObject({ delimiter: '\t', columns: ['Elev', 'Ämne'] });
    expect(table.rows).toEqual([{ line: 2, cells: { Elev: 'Åsa Öberg', Ämne: 'Matematik' } }]);
  });

  it('finds a comma as separator, and quotes around values with commas', async () => {
    const table = await readAll(fixture('registreringar.csv'));
    expect(table).toMatchObject({ delimiter: ',', columns: ['Elev', 'Klass', 'Registrerad'] });
    expect(table.rows[4]).toEqual({ line: 6, cells: { Elev: 'Ek, Bo', Klass: '7B', Registrerad: '15/3/2027' } });
  });

  it('takes the separator from the header line, not from the values', async () => {
    const table = await readAll('Elev;Kommentar\nÅsa Öberg;Bra, tydlig, klar\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([{ line: 2, cells: { Elev: 'Åsa Öberg', Kommentar: 'Bra, tydlig, klar' } }]);
  });

  it('skips empty lines, pads short rows and refuses rows with values beyond the header', async () => {
    const table = await readAll(
      'Elev;Ämne;Datum\n\nÅsa;Matematik\n;;\nBo;Svenska;2027-01-10;;\nLina;Engelska;2027-01-11;x\n',
    );
    expect(table.rows).toEqual([
      { line: 3, cells: { Elev: 'Åsa', Ämne: 'Matematik', Datum: '' } },
      { line: 5, cells: { Elev: 'Bo', Ämne: 'Svenska', Datum: '2027-01-10' } },
      {
        line: 6,
        reason:
          'Raden har 4 värden men rubrikraden har 3 kolumner. Innehåller ett värde ett semikolon? ' +
          'Sätt i så fall citattecken runt värdet.',
      },
    ]);
  });

  it('keeps a quoted value over two lines, but refuses the rows a stray quote swallows', async () => {
    const valid = await readAll('Elev;Kommentar\n"Åsa";"Rad ett\nrad två"\nBo;Kort\n');
    expect(valid.rows).toEqual([
      { line: 2, cells: { Elev: 'Åsa', Kommentar: 'Rad ett\nrad två' } },
      { line: 4, cells: { Elev: 'Bo', Kommentar: 'Kort' } },
    ]);

    const stray = await readAll('A;B;C\n1;2;3\n"x;y;z\n4;5;6\n7;"8";9\n10;11;12\n');
    const reason = 'Ett citattecken (") på rad 3 stängs först på rad 5';
    expect(stray.rows).toEqual([
      { line: 2, cells: { A: '1', B: '2', C: '3' } },
      { line: 3, reason },
      { line: 4, reason },
      { line: 5, reason },
      { line: 6, cells: { A: '10', B: '11', C: '12' } },
    ]);

    const neverClosed = await readAll('A;B;C\n1;2;3\n"x;y;z\n4;5;6\n');
    expect(neverClosed.rows.slice(1)).toEqual([
      { line: 3, reason: 'Ett citattecken (") på rad 3 stängs aldrig' },
      { line: 4, reason: 'Ett citattecken (") på rad 3 stängs aldrig' },
    ]);
  });

  it('gives up on a quote that swallows more than a megabyte, naming the line', async () => {
    const rows = Array.from({ length: 60_000 }, (_, index) => `Elev ${index};Matematik`).join('\n');
    await expect(readAll(`Elev;Ämne\nÅsa;Svenska\n"Bo;Matematik\n${rows}\n`)).rejects.toThrow(
      'Ett citattecken (") på rad 3 stängs aldrig, så filen kunde inte läsas därifrån.',
    );
  });

  it('refuses files that are empty or are not tables', async () => {
    await expect(readAll('')).rejects.toThrow('Filen är tom');
    await expect(readAll('\r\n;;\r\n')).rejects.toThrow('Filen är tom');
    await expect(readAll(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01]))).rejects.toThrow(
      'Filen är varken en CSV-fil eller en Excel-arbetsbok (.xlsx)',
    );
    await expect(readAll(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]))).rejects.toThrow(
      'gamla Excel-formatet (.xls)',
    );
    await expect(readAll(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).rejects.toThrow(
      'Filen kunde inte läsas som Excel-arbetsbok (.xlsx)',
    );
  });

  it('stops parsing after the rows wanted and consumes the rest of the upload unread', async () => {
    const { stream, consumed } = upload(fixture('bedomningar.csv'), 16);
    const table = await openTable(stream);
    expect(await table.rows.next()).toEqual({ done: false, value: eventRows[0] });
    await table.skipRest();
    expect(consumed()).toBe(true);
  });
});

describe('naming columns', () => {
  it('trims names and makes empty and repeated ones unique', () => {
    expect(uniqueColumnNames([' Elev ', '', 'Datum', 'datum', 'Kolumn 2', 'Ämne  namn'])).toEqual([
      'Elev',
      'Kolumn 2',
      'Datum',
      'datum (kolumn 4)',
      'Kolumn 2 (kolumn 5)',
      'Ämne namn',
    ]);
  });
});

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The entries in the order Excel itself writes them: worksheets before shared strings and styles. */
async function inExcelOrder(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  const rank = (name: string) =>
    name.startsWith('xl/worksheets/sheet') ? 0 : name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' ? 2 : 1;
  const reordered = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) {
    reordered.file(name, await source.files[name].async('uint8array'));
  }
  return reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('reading Excel workbooks', () => {
  const build = (workbook: ExcelJS.Workbook) => {
    const sheet = workbook.addWorksheet('Elever');
    sheet.addRow([]);
    sheet.addRow(['Elev', 'Ämne', 'Datum', null, 'Poäng']);
    sheet.addRow([
      'Åsa Öberg',
      { richText: [{ text: 'Mate' }, { text: 'matik', font: { bold: true } }] },
      new Date(Date.UTC(2027, 2, 14)),
      null,
      12.5,
    ]);
    sheet.addRow([
      { text: 'Erik Ängström', hyperlink: 'mailto:erik@exempel.se' },
      'Svenska',
      new Date(Date.UTC(2027, 2, 14, 8, 15)),
      'x',
      { formula: '1+1', result: 2 },
    ]);
    workbook.addWorksheet('Annat').addRow(['Läses', 'inte']);
  };
  const expected = {
    format: 'xlsx',
    delimiter: null,
    columns: ['Elev', 'Ämne', 'Datum', 'Kolumn 4', 'Poäng'],
    rows: [
      { line: 3, cells: { Elev: 'Åsa Öberg', Ämne: 'Matematik', Datum: '2027-03-14', 'Kolumn 4': '', Poäng: '12.5' } },
      {
        line: 4,
        cells: { Elev: 'Erik Ängström', Ämne: 'Svenska', Datum: '2027-03-14 08:15', 'Kolumn 4': 'x', Poäng: '2' },
      },
    ],
    consumed: true,
  };

  it('reads the first worksheet: text, rich text, links, dates with and without time, numbers, formulas', async () => {
    expect(await readAll(await workbookBytes(build), 1000)).toEqual(expected);
  });

  it('reads a workbook laid out as Excel writes it, with the sheet before its strings and styles', async () => {
    expect(await readAll(await inExcelOrder(await workbookBytes(build)), 1000)).toEqual(expected);
  });

  it('reads the rest of a workbook when only its first rows are wanted', async () => {
    const { stream, consumed } = upload(await workbookBytes(build), 500);
    const table = await openTable(stream);
    expect((await table.rows.next()).value).toEqual(expected.rows[0]);
    await table.skipRest();
    expect(consumed()).toBe(true);
  });
});
