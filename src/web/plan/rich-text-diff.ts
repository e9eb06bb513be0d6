import { diffWords } from 'diff';
import type { RichText, RichTextBlock, RichTextInline } from '../../shared/rich-text.js';

/** A stretch of a document's linear text, [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

const inlineText = (content: RichTextInline[] | undefined): string =>
  (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');

const blockText = (block: RichTextBlock): string =>
  block.type === 'paragraph'
    ? `${inlineText(block.content)}\n`
    : block.content.map((item) => item.content.map(blockText).join('')).join('');

/**
 * The document's text in reading order, each paragraph ended by a line break. The renderer walks
 * the document in the same order, so an offset here is a position in what it draws.
 */
export const linearText = (doc: RichText): string => doc.content.map(blockText).join('');

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * Where a diff part found at `position` in `text` ends. diffWords treats whitespace as
 * insignificant and takes an unchanged stretch's spacing from the newer text, so the characters
 * are matched here and the whitespace between them is allowed to differ.
 */
function endOfPart(text: string, position: number, value: string): number {
  let at = position;
  for (const char of value) {
    if (isSpace(char)) {
      while (isSpace(text[at])) at++;
      continue;
    }
    while (isSpace(text[at])) at++;
    if (text[at] === char) at++;
  }
  return at;
}

/** The range without the whitespace at its edges: only words are marked. */
function wordsOf(text: string, start: number, end: number): TextRange | null {
  let from = start;
  let to = end;
  while (from < to && isSpace(text[from])) from++;
  while (to > from && isSpace(text[to - 1])) to--;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The words that differ between two versions of a text: in `mine` the words the saved text lacks,
 * in `saved` the words mine lacks. Changes of spacing alone are not marked: nothing would show.
 */
export function wordDifferences(mine: RichText, saved: RichText): { mine: TextRange[]; saved: TextRange[] } {
  const mineText = linearText(mine);
  const savedText = linearText(saved);
  const result = { mine: [] as TextRange[], saved: [] as TextRange[] };
  let minePosition = 0;
  let savedPosition = 0;
  for (const part of diffWords(savedText, mineText)) {
    if (!part.removed) {
      const end = endOfPart(mineText, minePosition, part.value);
      const range = part.added ? wordsOf(mineText, minePosition, end) : null;
      if (range) result.mine.push(range);
      minePosition = end;
    }
    if (!part.added) {
      const end = endOfPart(savedText, savedPosition, part.value);
      const range = part.removed ? wordsOf(savedText, savedPosition, end) : null;
      if (range) result.saved.push(range);
      savedPosition = end;
    }
  }
  return result;
}
