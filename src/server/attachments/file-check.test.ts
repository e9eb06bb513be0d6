import { describe, expect, it } from 'vitest';
import { checkFile, displayFileName, extensionOf, textEncoding } from './file-check.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const ZIP = Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1');
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);

describe('file names', () => {
  it('keeps an ordinary Swedish name as it is', () => {
    expect(displayFileName('Elevregister Åkerby 2027.csv')).toBe('Elevregister Åkerby 2027.csv');
  });

  it('keeps the last part of a path, composes åäö and drops what cannot be shown or saved', () => {
    expect(displayFileName('C:\\fakepath\\personal.xlsx')).toBe('personal.xlsx');
    expect(displayFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(displayFileName('A\u030angstro\u0308m.csv')).toBe('Ångström.csv');
    expect(displayFileName('elever\u202Evsc.exe')).toBe('elever vsc.exe');
    expect(displayFileName('a\tb\n"c"<d>|e?.txt')).toBe('a b c d e .txt');
    expect(displayFileName('..hemlig.csv')).toBe('hemlig.csv');
  });

  it('shortens a long name to 150 characters and keeps its extension', () => {
    const name = displayFileName(`${'å'.repeat(300)}.xlsx`);
    expect(name).toHaveLength(150);
    expect(name.endsWith('å.xlsx')).toBe(true);
  });

  it('reads the extension in lower case, and none from a name that only starts with a dot', () => {
    expect(extensionOf('Register.CSV')).toBe('csv');
    expect(extensionOf('arkiv.tar.zip')).toBe('zip');
    expect(extensionOf('.csv')).toBe('');
    expect(extensionOf('utan-filändelse')).toBe('');
  });
});

describe('text', () => {
  it('reads UTF-8 (with or without a byte order mark) and Latin-1 as text', () => {
    expect(textEncoding(utf8('\uFEFFNamn;Skola\r\nÅsa;Älvskolan\r\n'))).toBe('utf-8');
    expect(textEncoding(latin1('Namn;Skola\r\nÅsa;Älvskolan\r\n'))).toBe('windows-1252');
  });

  it('does not take a character cut at the end of the 64 KB sample for broken UTF-8', () => {
    const content = utf8(`${'a'.repeat(64 * 1024 - 1)}ö och mer`);
    expect(textEncoding(content)).toBe('utf-8');
  });

  it('refuses NUL bytes and other control characters in the first 64 KB only', () => {
    expect(textEncoding(utf8('Namn\u0000Skola'))).toBeNull();
    expect(textEncoding(utf8('Namn\u001bSkola'))).toBeNull();
    expect(textEncoding(Buffer.concat([utf8('a'.repeat(64 * 1024)), Buffer.from([0])]))).toBe('utf-8');
  });
});

describe('checking a file by its content', () => {
  it('accepts text files as text with their encoding, and the binary types by their signature', () => {
    expect(checkFile('elever.csv', utf8('Namn;Klass\nÖrjan;7B\n'))).toEqual({
      ok: true,
      contentType: 'text/csv; charset=utf-8',
    });
    expect(checkFile('personal.skv', latin1('Ärlig Örjan'))).toEqual({
      ok: true,
      contentType: 'text/plain; charset=windows-1252',
    });
    expect(checkFile('schema.json', utf8('{"a":1}'))).toMatchObject({
      ok: true,
      contentType: expect.stringMatching(/^application\/json/),
    });
    expect(checkFile('register.xml', utf8('<?xml version="1.0"?><a/>'))).toMatchObject({ ok: true });
    expect(checkFile('register.XLSX', ZIP)).toEqual({
      ok: true,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(checkFile('filer.zip', ZIP)).toEqual({ ok: true, contentType: 'application/zip' });
    expect(checkFile('gammal.xls', OLE2)).toEqual({ ok: true, contentType: 'application/vnd.ms-excel' });
    expect(checkFile('avtal.pdf', latin1('%PDF-1.7\n'))).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('refuses a program renamed .csv, a PNG named .xlsx and a PDF named .zip', () => {
    expect(checkFile('elever.csv', EXE)).toEqual({ ok: false, message: 'Filen heter .csv men innehåller inte text' });
    expect(checkFile('elever.xlsx', PNG)).toEqual({ ok: false, message: 'Filen heter .xlsx men är inte en Excel-fil' });
    expect(checkFile('filer.zip', latin1('%PDF-1.7'))).toEqual({
      ok: false,
      message: 'Filen heter .zip men är inte en ZIP-fil',
    });
  });

  it('refuses other types whatever they hold, and empty files', () => {
    expect(checkFile('program.exe', EXE)).toEqual({
      ok: false,
      message: 'Den filtypen går inte att bifoga. Tillåtna filtyper: CSV, TXT, SKV, XML, JSON, XLSX, XLS, ZIP, PDF',
    });
    expect(checkFile('utan-filändelse', utf8('text'))).toMatchObject({ ok: false });
    expect(checkFile('tom.csv', Buffer.alloc(0))).toEqual({ ok: false, message: 'Filen är tom' });
  });
});
