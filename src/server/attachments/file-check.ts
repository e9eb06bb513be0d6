import { type AttachmentExtension, attachmentExtensions } from '../../shared/attachments.js';

/**
 * Whether an uploaded file is what its name says, judged by its first bytes: a name is only a claim,
 * and the vendor's support opens these files. Text is checked as text, the other types by the
 * signature every such file starts with.
 */

const TEXT_SAMPLE_BYTES = 64 * 1024;
const MAX_NAME_LENGTH = 150;

type Kind =
  | { kind: 'text'; contentType: string }
  | { kind: 'binary'; contentType: string; signature: Buffer; what: string };

const text = (contentType: string): Kind => ({ kind: 'text', contentType });
const binary = (contentType: string, signature: number[] | string, what: string): Kind => ({
  kind: 'binary',
  contentType,
  signature: typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature),
  what,
});

const ZIP = 'PK\x03\x04';
// The OLE2 compound document that old Excel files are.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const kinds: Record<AttachmentExtension, Kind> = {
  csv: text('text/csv'),
  txt: text('text/plain'),
  skv: text('text/plain'),
  xml: text('application/xml'),
  json: text('application/json'),
  xlsx: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ZIP, 'en Excel-fil'),
  xls: binary('application/vnd.ms-excel', OLE2, 'en Excel-fil'),
  zip: binary('application/zip', ZIP, 'en ZIP-fil'),
  pdf: binary('application/pdf', '%PDF-', 'en PDF'),
};

/**
 * The name as it can be shown and saved anywhere: the last part of a path (old browsers send it
 * all), composed åäö (macOS sends them decomposed), no control or direction-changing characters
 * (which can make "fil.exe" read as "exe.fil"), none that Windows forbids, at most 150 characters
 * with the extension kept.
 */
export function displayFileName(uploaded: string): string {
  const name = (uploaded.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length <= MAX_NAME_LENGTH) return name;
  const extension = extensionOf(name);
  const suffix = extension ? `.${extension}` : '';
  return `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trim()}${suffix}`;
}

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

const isAllowedExtension = (extension: string): extension is AttachmentExtension =>
  (attachmentExtensions as readonly string[]).includes(extension);

// Tab, line feed, form feed and carriage return are the control characters text files hold.
const isTextControl = (byte: number) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;

/** 'utf-8' or 'windows-1252' (Latin-1 as Swedish Excel writes it) when the start reads as text, else null. */
export function textEncoding(content: Buffer): 'utf-8' | 'windows-1252' | null {
  const sample = content.subarray(0, TEXT_SAMPLE_BYTES);
  if (sample.some(isTextControl)) return null;
  try {
    // A character cut in two at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: content.length > sample.length });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export type FileCheck = { ok: true; contentType: string } | { ok: false; message: string };

const allowedList = attachmentExtensions.map((extension) => extension.toUpperCase()).join(', ');

/** Whether `content` may be stored under `fileName` (already made safe), and with which content type. */
export function checkFile(fileName: string, content: Buffer): FileCheck {
  const extension = extensionOf(fileName);
  if (!isAllowedExtension(extension)) {
    return { ok: false, message: `Den filtypen går inte att bifoga. Tillåtna filtyper: ${allowedList}` };
  }
  if (content.length === 0) return { ok: false, message: 'Filen är tom' };
  const kind = kinds[extension];
  if (kind.kind === 'text') {
    const encoding = textEncoding(content);
    if (!encoding) return { ok: false, message: `Filen heter .${extension} men innehåller inte text` };
    return { ok: true, contentType: `${kind.contentType}; charset=${encoding}` };
  }
  if (!content.subarray(0, kind.signature.length).equals(kind.signature)) {
    return { ok: false, message: `Filen heter .${extension} men är inte ${kind.what}` };
  }
  return { ok: true, contentType: kind.contentType };
}
