/**
 * An exported PDF's text, read back with pdf.js so that the tests need nothing outside
 * node_modules (they used to spawn poppler's `pdftotext`, a Debian package).
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text much as `pdftotext` gives it without `-layout`: each page's text in drawing order, a
 * line break wherever pdf.js ends a line (table cells side by side stay on one line, a space
 * apart), and a form feed between pages.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdf.js refuses a Buffer and may take over the bytes it is given: hand it its own copy.
  const document = await getDocument({
    data: new Uint8Array(pdf),
    // Without this, pdf.js logs a warning for every font feature it does not need for text.
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      const text = items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      // A page's last line has no EOL of its own; without one it would run into the next page's first.
      pages.push(text.endsWith('\n') ? text : `${text}\n`);
      page.cleanup();
    }
    return pages.join('\f');
  } finally {
    await document.destroy();
  }
}

/**
 * The text with every run of white space, line breaks and no-break spaces included, as one
 * space: what the assertions compare against, since where a table cell wraps is up to the layout.
 */
export async function pdfTextOnOneLine(pdf: Uint8Array): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/g, ' ');
}
