import { useTranslation } from 'react-i18next';
import type { FieldChange, TextPart } from '../../shared/revisions.js';
import { sharesWords } from './diffGroups.js';

/**
 * Removed words struck through on red, added words underlined on green; each run is also named in
 * text for screen readers, which read <del> and <ins> as plain text.
 */
/** "␣och ge␣" → ["␣", "och ge", "␣"]: the mark covers the words, not the spaces around them. */
function splitSpaces(text: string): [string, string, string] {
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return [before, words, after];
}

export function Removed({ text }: { text: string }) {
  const { t } = useTranslation();
  const [before, words, after] = splitSpaces(text);
  return (
    <>
      {before}
      <del className="diff-removed">
        <span className="visually-hidden">{t('revisions.diff.removed')} </span>
        {words}
      </del>
      {after}
    </>
  );
}

export function Added({ text }: { text: string }) {
  const { t } = useTranslation();
  const [before, words, after] = splitSpaces(text);
  return (
    <>
      {before}
      <ins className="diff-added">
        <span className="visually-hidden">{t('revisions.diff.added')} </span>
        {words}
      </ins>
      {after}
    </>
  );
}

/** A text with its changes marked word by word. */
export function WordDiff({ parts }: { parts: TextPart[] }) {
  return (
    <span className="diff-text">
      {parts.map((part, index) => {
        // The parts are a fixed sequence for one comparison, so their positions are stable keys.
        const key = `${index}-${part.kind}`;
        if (part.kind === 'removed') return <Removed key={key} text={part.text} />;
        if (part.kind === 'added') return <Added key={key} text={part.text} />;
        return <span key={key}>{part.text}</span>;
      })}
    </span>
  );
}

function EmptyValue() {
  const { t } = useTranslation();
  return <em className="diff-empty">{t('revisions.diff.empty')}</em>;
}

/**
 * A changed value: word by word when the texts share words (a sentence with a few words changed),
 * otherwise before → after (a number, a date, a level), which reads better than two runs side by side.
 */
export function ValueChange({ field }: { field: FieldChange }) {
  if (sharesWords(field.parts)) return <WordDiff parts={field.parts} />;
  return (
    <span className="diff-text">
      {field.before === '' ? <EmptyValue /> : <Removed text={field.before} />}
      <span className="diff-arrow" aria-hidden="true">
        {' → '}
      </span>
      {field.after === '' ? <EmptyValue /> : <Added text={field.after} />}
    </span>
  );
}

/** The value of a field of an item that was added or removed as a whole. */
export function PlainValue({ text }: { text: string }) {
  return text === '' ? <EmptyValue /> : <span className="diff-text">{text}</span>;
}
