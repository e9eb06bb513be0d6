import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { decodeText, detectDelimiter, readCsv, readTable } from './table.js';

const refusal = async (bytes: Buffer): Promise<string> => {
  try {
    await readTable(bytes);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('was not refused');
};

describe('reading CSV', () => {
  it('detects the separator from the first lines', () => {
    expect(detectDelimiter('Namn;E-post;Skola\nAnna;a@b.se;Ekskolan')).toBe(';');
    expect(detectDelimiter('Namn,E-post\n"Ek; Anna",a@b.se')).toBe(',');
    expect(detectDelimiter('Namn\tE-post\nAnna\ta@b.se')).toBe('\t');
    expect(detectDelimiter('"Andersson, Anna";a@b.se;Ekskolan\n')).toBe(';');
  });

  it('reads quoted fields, line breaks in cells and skips empty lines, keeping file line numbers', () => {
    expect(readCsv('\uFEFFNamn;Titel\r\n"Ek; Anna";"Lärare\r\ni svenska"\r\n\r\n;\r\nBo;"Säger ""hej"""\r\n')).toEqual([
      { rowNumber: 1, cells: ['Namn', 'Titel'] },
      { rowNumber: 2, cells: ['Ek; Anna', 'Lärare\ni svenska'] },
      { rowNumber: 6, cells: ['Bo', 'Säger "hej"'] },
    ]);
  });

  it('decodes UTF-8 with or without BOM, Windows-1252 and UTF-16', () => {
    const text = 'Namn;Skola\nÅsa Öberg;Älvskolan\n';
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeText(Buffer.from(text, 'latin1'))).toBe(text);
    expect(decodeText(Buffer.from([0x80, 0x20, 0x96, 0x20, 0x94, 0x41, 0xe5]))).toBe('€ – ”Aå');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  it('refuses what is not a table', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('Filen är tom');
    expect(await refusal(Buffer.from('\n\n ; \n'))).toBe('Filen är tom: den innehåller inga rader');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await refusal(png)).toBe('Filen är inte en tabell: den är varken CSV eller Excel (.xlsx)');
    expect(await refusal(Buffer.from('d0cf11e0a1b11ae1000000', 'hex'))).toMatch(/gamla Excel-formatet \(\.xls\)/);
    expect(await refusal(Buffer.from('504b030414000000', 'hex'))).toMatch(/kunde inte läsas som Excel-arbetsbok/);
    expect(await refusal(Buffer.from('Namn;Titel\n"Anna;Lärare\n'))).toBe(
      'Filen kunde inte läsas som CSV (rad 2): ett citattecken stängs aldrig',
    );
  });
});

describe('reading Excel', () => {
  it('reads the first sheet with data, with the text every kind of cell shows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Tom');
    const sheet = workbook.addWorksheet('Skolor');
    sheet.addRow(['Namn', 'Skolenhetskod', 'Startad', 'Webb', 'Formel']);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: 'Björk' }, { text: 'skolan', font: { bold: true } }] },
      12345678,
      new Date(Date.UTC(2020, 7, 17)),
      { text: 'björk.se', hyperlink: 'https://björk.se' },
      { formula: 'B3+1', result: 12345679 },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readTable(bytes)).toEqual([
      { rowNumber: 1, cells: ['Namn', 'Skolenhetskod', 'Startad', 'Webb', 'Formel'] },
      { rowNumber: 3, cells: ['Björkskolan', '12345678', '2020-08-17', 'björk.se', '12345679'] },
    ]);
  });
});
