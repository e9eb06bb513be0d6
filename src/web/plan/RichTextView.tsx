import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText, RichTextBlock, RichTextInline, RichTextMark } from '../../shared/rich-text.js';
import { SAFE_LINK } from './links.js';
import type { TextRange } from './rich-text-diff.js';

/** Words to mark in a rendering: `ins` for words only in this version, `del` for words it drops. */
export interface Highlight {
  ranges: TextRange[];
  kind: 'ins' | 'del';
  /** Said before each marked stretch, so the change is not shown by colour alone. */
  label: string;
}

interface RenderOptions {
  highlight?: Highlight;
  newTabLabel: string;
}

/**
 * Formatted text as React elements, walking the document in the same order as `linearText` so
 * that highlight offsets line up. Built from data, never from HTML.
 */
export function richTextElements(doc: RichText, options: RenderOptions): ReactNode[] {
  let position = 0;
  let key = 0;
  const nextKey = () => key++;

  const highlighted = (text: string): ReactNode[] => {
    const start = position;
    const end = start + text.length;
    position = end;
    const highlight = options.highlight;
    if (!highlight) return [text];
    const pieces: ReactNode[] = [];
    let at = start;
    for (const range of highlight.ranges) {
      if (range.end <= at || range.start >= end) continue;
      const from = Math.max(range.start, at);
      const to = Math.min(range.end, end);
      if (from > at) pieces.push(text.slice(at - start, from - start));
      const Tag = highlight.kind;
      pieces.push(
        <Tag key={nextKey()} className={`plan-diff-${highlight.kind}`}>
          <span className="visually-hidden">{highlight.label} </span>
          {text.slice(from - start, to - start)}
        </Tag>,
      );
      at = to;
    }
    if (at < end) pieces.push(text.slice(at - start));
    return pieces;
  };

  const withMark = (children: ReactNode, mark: RichTextMark): ReactNode => {
    if (mark.type === 'bold') return <strong key={nextKey()}>{children}</strong>;
    if (mark.type === 'italic') return <em key={nextKey()}>{children}</em>;
    // Checked again here so that nothing else ever becomes a live link.
    if (!SAFE_LINK.test(mark.attrs.href)) return children;
    return (
      <a key={nextKey()} href={mark.attrs.href} target="_blank" rel="noopener noreferrer">
        {children}
        <span className="visually-hidden"> {options.newTabLabel}</span>
      </a>
    );
  };

  const inline = (node: RichTextInline): ReactNode => {
    if (node.type === 'hardBreak') {
      position += 1;
      return <br key={nextKey()} />;
    }
    // Links outermost, so a link's hidden "opens in a new tab" comes once, after its styled text.
    const marks = [...(node.marks ?? [])].sort((a, b) => Number(a.type === 'link') - Number(b.type === 'link'));
    return marks.reduce<ReactNode>((children, mark) => withMark(children, mark), highlighted(node.text));
  };

  const block = (node: RichTextBlock): ReactNode => {
    if (node.type === 'paragraph') {
      const children = (node.content ?? []).map((child) => <Fragment key={nextKey()}>{inline(child)}</Fragment>);
      position += 1;
      return <p key={nextKey()}>{children.length > 0 ? children : <br />}</p>;
    }
    const items = node.content.map((item) => <li key={nextKey()}>{item.content.map(block)}</li>);
    if (node.type === 'bulletList') return <ul key={nextKey()}>{items}</ul>;
    const start = node.attrs?.start;
    return (
      <ol key={nextKey()} start={start !== undefined && start !== 1 ? start : undefined}>
        {items}
      </ol>
    );
  };

  return doc.content.map(block);
}

/** Formatted text for reading. */
export function RichTextView({ doc, highlight }: { doc: RichText; highlight?: Highlight }) {
  const { t } = useTranslation();
  return (
    <div className="plan-rich-text">{richTextElements(doc, { highlight, newTabLabel: t('plan.opensInNewTab') })}</div>
  );
}
