import { describe, expect, it } from 'vitest';
import { isRichTextEmpty, richTextFromPlainText, richTextSchema, richTextToPlainText } from './rich-text.js';

describe('formatted text', () => {
  it('keeps paragraphs, lists, bold and links', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Syftet är ', marks: [{ type: 'bold' }] }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Åtgärd' }] }] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Läs mer', marks: [{ type: 'link', attrs: { href: 'https://skolverket.se' } }] },
          ],
        },
      ],
    };
    const parsed = richTextSchema.parse(doc);
    expect(richTextToPlainText(parsed)).toBe('Syftet är \n• Åtgärd\nLäs mer');
  });

  it('refuses a link that could run script', () => {
    const result = richTextSchema.safeParse({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    });
    expect(result.success).toBe(false);
  });

  it('refuses node types it does not know, such as raw HTML', () => {
    const result = richTextSchema.safeParse({ type: 'doc', content: [{ type: 'html', html: '<script>x</script>' }] });
    expect(result.success).toBe(false);
  });

  it('drops attributes it does not know', () => {
    const parsed = richTextSchema.parse({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'https://a.se', onclick: 'alert(1)', class: 'x' } }],
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain('onclick');
  });

  it('reads plain text with bullets into a list and back', () => {
    const doc = richTextFromPlainText('Inledning\n• ett\n• två\nSlut');
    expect(doc.content.map((block) => block.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
    expect(richTextToPlainText(doc)).toBe('Inledning\n• ett\n• två\nSlut');
    expect(isRichTextEmpty(richTextFromPlainText('  \n'))).toBe(true);
  });
});
