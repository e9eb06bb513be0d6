import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichText } from '../../shared/rich-text.js';
import { type Highlight, richTextElements } from './RichTextView.js';
import { linearText, wordDifferences } from './rich-text-diff.js';

const render = (doc: RichText, highlight?: Highlight) =>
  renderToStaticMarkup(richTextElements(doc, { newTabLabel: '(öppnas i ny flik)', highlight }));

describe('richTextElements', () => {
  it('renders paragraphs, lists, bold, italic and links as elements', () => {
    const doc: RichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Läs ' },
            {
              type: 'text',
              text: 'planen',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://exempelby.se' } }],
            },
            { type: 'hardBreak' },
            { type: 'text', text: 'nu', marks: [{ type: 'italic' }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tre' }] }] }],
        },
      ],
    };
    expect(render(doc)).toBe(
      '<p>Läs <a href="https://exempelby.se" target="_blank" rel="noopener noreferrer"><strong>planen</strong>' +
        '<span class="visually-hidden"> (öppnas i ny flik)</span></a><br/><em>nu</em></p>' +
        '<ol start="3"><li><p>Tre</p></li></ol>',
    );
  });

  it('shows text that looks like markup as text, and no link that is not http(s) or mailto', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<script>alert(1)</script>' },
            { type: 'text', text: 'klicka', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
      ],
    } as RichText;
    const html = render(doc);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;klicka</p>');
  });

  it('marks the differing words with ins and words for screen readers', () => {
    const mine: RichText = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vi når alla skolor' }] }],
    };
    const saved: RichText = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vi når skolor' }] }],
    };
    const ranges = wordDifferences(mine, saved).mine;
    expect(linearText(mine).slice(ranges[0].start, ranges[0].end)).toBe('alla');
    expect(render(mine, { ranges, kind: 'ins', label: 'bara i din text:' })).toBe(
      '<p>Vi når <ins class="plan-diff-ins"><span class="visually-hidden">bara i din text: </span>alla</ins> skolor</p>',
    );
  });
});
