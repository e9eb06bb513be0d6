const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text and attribute values alike. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (character) => htmlEntities[character]);

/**
 * A plain, readable HTML mail: paragraphs of text and one button-like link. Every value is
 * escaped here, so callers pass plain text.
 */
export function htmlMail(parts: { before: string[]; link: { href: string; label: string }; after: string[] }): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const href = escapeHtml(parts.link.href);
  return [
    '<!doctype html>',
    '<html lang="sv"><head><meta charset="utf-8"></head>',
    '<body style="font-family:system-ui,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1b1e">',
    ...parts.before.map(paragraph),
    `<p style="margin:0 0 16px"><a href="${href}" style="display:inline-block;padding:10px 18px;background:#1864ab;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(parts.link.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px">Fungerar inte knappen? Kopiera adressen till webbläsaren:<br>${href}</p>`,
    ...parts.after.map(paragraph),
    '</body></html>',
  ].join('\n');
}
