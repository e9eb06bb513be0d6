import type { PlanSnapshot } from '../../shared/revisions.js';
import { readableDay } from '../revisions/readable.js';
import type { PlanVersion } from './plan-document.js';

/** Characters no file name may hold on Windows or macOS, and control characters. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]/gu;
const MAX_NAME_LENGTH = 150;

/** "Projektplan Åkerby kommun version 2.pdf", or "… utkast 2027-01-20.pdf" for the draft. */
export function planFileName(snapshot: PlanSnapshot, version: PlanVersion, extension: 'docx' | 'pdf'): string {
  const which = version.kind === 'revision' ? `version ${version.number}` : `utkast ${readableDay(snapshot.takenAt)}`;
  const customer = snapshot.project.customerName.replace(UNSAFE_IN_FILE_NAMES, ' ');
  const name = `Projektplan ${customer} ${which}`.replace(/\s+/g, ' ').trim();
  return `${name.slice(0, MAX_NAME_LENGTH).trim()}.${extension}`;
}

/**
 * `attachment` with the name twice: as UTF-8 in `filename*` (RFC 5987), which browsers prefer, and
 * with the accents taken off in plain `filename` for those that only read that.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
