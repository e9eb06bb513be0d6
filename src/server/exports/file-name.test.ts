import { describe, expect, it } from 'vitest';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import { attachmentDisposition, planFileName } from './file-name.js';

const revision2 = { kind: 'revision', number: 2, sentAt: '2027-01-20T10:05:00.000Z', senderName: 'Åsa Öberg' } as const;

describe('the file name of an exported plan', () => {
  it('names the customer and the version, or the draft and its date', () => {
    expect(planFileName(samplePlanSnapshot(), revision2, 'pdf')).toBe('Projektplan Åkerby kommun version 2.pdf');
    expect(planFileName(samplePlanSnapshot(), { kind: 'draft' }, 'docx')).toBe(
      'Projektplan Åkerby kommun utkast 2027-01-20.docx',
    );
  });

  it('leaves out characters that no file name may hold', () => {
    const snapshot = samplePlanSnapshot();
    snapshot.project.customerName = 'Skol/förbundet: "Norr"\u0007 <AB>';
    expect(planFileName(snapshot, revision2, 'pdf')).toBe('Projektplan Skol förbundet Norr AB version 2.pdf');
  });
});

describe('the attachment header', () => {
  it('gives the name in UTF-8 and, for older clients, without accents', () => {
    expect(attachmentDisposition('Projektplan Åkerby kommun version 2.pdf')).toBe(
      `attachment; filename="Projektplan Akerby kommun version 2.pdf"; filename*=UTF-8''Projektplan%20%C3%85kerby%20kommun%20version%202.pdf`,
    );
  });

  it('escapes what RFC 5987 does not allow bare, and keeps quotes out of the plain name', () => {
    expect(attachmentDisposition(`Skolans (nya) plan's "100%".pdf`)).toBe(
      `attachment; filename="Skolans (nya) plan's _100__.pdf"; filename*=UTF-8''Skolans%20%28nya%29%20plan%27s%20%22100%25%22.pdf`,
    );
  });
});
