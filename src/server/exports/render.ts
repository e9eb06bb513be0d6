import type { PlanDocument } from './plan-document.js';

/**
 * A document as Word or PDF. The writers are loaded on the first download: docx and pdfmake take
 * longer to load than the rest of the server, and a start should not wait for them.
 */
export async function renderDocument(format: 'docx' | 'pdf', document: PlanDocument): Promise<Buffer> {
  if (format === 'docx') return (await import('./docx.js')).renderDocx(document);
  return (await import('./pdf.js')).renderPdf(document);
}
