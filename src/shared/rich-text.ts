import { z } from 'zod';

/**
 * Formatted text (paragraphs, lists, bold, italic, links) as a small document tree in the shape the
 * web editor produces. Only these node types exist and a link may only point to http(s) or mailto,
 * so nothing stored can ever run as script: it is data, rendered by code, never parsed as HTML.
 */
const safeHref = z
  .string()
  .trim()
  .max(2000, 'Länken är för lång')
  .refine((href) => /^(https?:\/\/|mailto:)/i.test(href), 'En länk måste börja med https://, http:// eller mailto:');

const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);
export type RichTextMark = z.infer<typeof markSchema>;

const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1),
  marks: z.array(markSchema).max(3).optional(),
});

const inlineSchema = z.discriminatedUnion('type', [textNodeSchema, z.object({ type: z.literal('hardBreak') })]);
export type RichTextInline = z.infer<typeof inlineSchema>;

const paragraphSchema = z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).optional() });

export type RichTextBlock =
  | z.infer<typeof paragraphSchema>
  | { type: 'bulletList'; content: RichTextListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: RichTextListItem[] };
export interface RichTextListItem {
  type: 'listItem';
  content: RichTextBlock[];
}

// The two schemas that refer to each other have ids, so that the OpenAPI document refers to them as components.
const listItemSchema: z.ZodType<RichTextListItem> = z
  .lazy(() => z.object({ type: z.literal('listItem'), content: z.array(blockSchema).min(1) }))
  .meta({ id: 'RichTextListItem' });

const blockSchema: z.ZodType<RichTextBlock> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      paragraphSchema,
      z.object({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }),
      z.object({
        type: z.literal('orderedList'),
        attrs: z.object({ start: z.number().int().min(0).max(10_000).optional() }).optional(),
        content: z.array(listItemSchema).min(1),
      }),
    ]),
  )
  .meta({ id: 'RichTextBlock' });

export const MAX_RICH_TEXT_CHARACTERS = 20_000;

export const richTextSchema = z
  .object({ type: z.literal('doc'), content: z.array(blockSchema).max(2000) })
  .refine((doc) => richTextToPlainText(doc).length <= MAX_RICH_TEXT_CHARACTERS, {
    message: `Texten får vara högst ${MAX_RICH_TEXT_CHARACTERS} tecken`,
  })
  .meta({ id: 'RichText', description: 'Formaterad text: stycken, listor, fetstil, kursiv och länkar' });
export type RichText = { type: 'doc'; content: RichTextBlock[] };

export const emptyRichText = (): RichText => ({ type: 'doc', content: [] });

function inlineText(content: RichTextInline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

function blockLines(block: RichTextBlock, indent: string): string[] {
  if (block.type === 'paragraph') return [indent + inlineText(block.content)];
  const start = block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1;
  return block.content.flatMap((item, index) => {
    const bullet = block.type === 'orderedList' ? `${start + index}. ` : '• ';
    const [first, ...rest] = item.content.flatMap((child) => blockLines(child, `${indent}  `));
    return [`${indent}${bullet}${(first ?? '').trimStart()}`, ...rest];
  });
}

/** The text as lines: paragraphs one per line, list items with "• " or "1. ". */
export function richTextToPlainText(doc: RichText): string {
  return doc.content.flatMap((block) => blockLines(block, '')).join('\n');
}

export const isRichTextEmpty = (doc: RichText): boolean => richTextToPlainText(doc).trim() === '';

/** Plain text to a document: one paragraph per line, lines starting with "• " or "- " as a bullet list. */
export function richTextFromPlainText(text: string): RichText {
  const content: RichTextBlock[] = [];
  let list: RichTextListItem[] | null = null;
  for (const line of text.split('\n')) {
    const bullet = /^\s*[•-]\s+(.*)$/.exec(line);
    if (bullet) {
      const item: RichTextListItem = { type: 'listItem', content: [paragraph(bullet[1] ?? '')] };
      if (list) list.push(item);
      else {
        list = [item];
        content.push({ type: 'bulletList', content: list });
      }
      continue;
    }
    list = null;
    if (line.trim() !== '') content.push(paragraph(line));
  }
  return { type: 'doc', content };
}

function paragraph(text: string): RichTextBlock {
  return text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] };
}
