import { describe, expect, it } from 'vitest';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import { linearText, type TextRange, wordDifferences } from './rich-text-diff.js';

const marked = (text: string, ranges: TextRange[]) => ranges.map((range) => text.slice(range.start, range.end));

describe('wordDifferences', () => {
  it('marks the words only one version has, in each version', () => {
    const saved = richTextFromPlainText('Vi ska införa plattformen på alla skolor.');
    const mine = richTextFromPlainText('Vi ska införa den nya plattformen på några skolor.');
    const differences = wordDifferences(mine, saved);
    expect(marked(linearText(mine), differences.mine)).toEqual(['den nya', 'några']);
    expect(marked(linearText(saved), differences.saved)).toEqual(['alla']);
  });

  it('keeps its place in the older text when the two are spaced differently', () => {
    const saved = richTextFromPlainText(
      'Samla lärare kring ett ställe för bedömning och frånvaro, och att ge rektorerna en bild.',
    );
    const mine = richTextFromPlainText(
      'Ge lärare ett ställe för bedömning, frånvaro och information, och ge rektorerna en bild av måluppfyllelsen.',
    );
    const differences = wordDifferences(mine, saved);
    expect(marked(linearText(saved), differences.saved)).toEqual(['Samla', 'kring', 'och', 'att']);
    expect(marked(linearText(mine), differences.mine)).toEqual(['Ge', ',', 'och information', 'av måluppfyllelsen']);
  });

  it('marks nothing in equal texts, and whole paragraphs when one side is empty', () => {
    const text = richTextFromPlainText('Åäö på första raden\n• en punkt');
    expect(wordDifferences(text, text)).toEqual({ mine: [], saved: [] });
    const differences = wordDifferences(text, { type: 'doc', content: [] });
    expect(marked(linearText(text), differences.mine).join(' ')).toBe('Åäö på första raden\nen punkt');
    expect(differences.saved).toEqual([]);
  });
});
