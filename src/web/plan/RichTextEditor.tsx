import { ActionIcon, Group, Input, Tooltip } from '@mantine/core';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyRichText, isRichTextEmpty, type RichText, richTextSchema } from '../../shared/rich-text.js';
import { withoutExampleWord } from './format.js';
import { BoldIcon, BulletListIcon, ItalicIcon, OrderedListIcon, UnlinkIcon } from './icons.js';
import { LinkPopover } from './LinkPopover.js';
import { SAFE_LINK } from './links.js';

// Only what the stored format can hold: paragraphs, lists, bold, italic and links.
const extensions = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => SAFE_LINK.test(url.trim()),
    },
  }),
];

/** The editor's document as the API takes it, or why it cannot be saved. */
function documentOf(editor: Editor): { value: RichText; problem: string | null } {
  const json = editor.getJSON();
  const parsed = richTextSchema.safeParse(json);
  if (!parsed.success) return { value: json as RichText, problem: parsed.error.issues[0]?.message ?? null };
  const value = parsed.data as RichText;
  return { value: isRichTextEmpty(value) ? emptyRichText() : value, problem: null };
}

/**
 * Formatted text in a labelled box with a small toolbar. `value` is read when the editor is
 * created; give the component a new `key` to load another text into it.
 */
export function RichTextEditor({
  label,
  hint,
  value,
  error,
  autoFocus = false,
  onChange,
}: {
  label: string;
  /** The template's example: shown while the field is empty, never part of the text. */
  hint?: string;
  value: RichText;
  error?: ReactNode;
  /** Puts the cursor at the end of the text when the editor opens. */
  autoFocus?: boolean;
  onChange: (value: RichText, problem: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;

  // Read once: the editor owns the text from here on.
  const [initialContent] = useState(() => (isRichTextEmpty(value) ? '' : value));
  const editor = useEditor({
    extensions,
    content: initialContent,
    autofocus: autoFocus ? 'end' : false,
    onUpdate: ({ editor: updated }) => {
      const { value: next, problem } = documentOf(updated);
      onChange(next, problem);
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      empty: current.isEmpty,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
    }),
  });

  const showHint = Boolean(hint) && state.empty;
  const invalid = Boolean(error);
  const describedBy = [showHint ? descriptionId : null, invalid ? errorId : null].filter(Boolean).join(' ');
  // Set apart from useEditor's options, which it re-applies whenever they differ from the editor's.
  useEffect(() => {
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(invalid ? { 'aria-invalid': 'true' } : {}),
          class: 'plan-editor-content',
        },
      },
    });
  }, [editor, labelId, describedBy, invalid]);

  const tool = (name: 'bold' | 'italic' | 'bulletList' | 'orderedList', icon: ReactNode, run: () => void) => (
    <Tooltip label={t(`plan.editor.${name}`)} withArrow>
      <ActionIcon
        variant={state[name] ? 'filled' : 'subtle'}
        color={state[name] ? 'blue' : 'dark'}
        size="lg"
        aria-label={t(`plan.editor.${name}`)}
        aria-pressed={state[name]}
        onClick={run}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Input.Wrapper
      id={id}
      label={label}
      labelElement="div"
      labelProps={{ id: labelId, onClick: () => editor.commands.focus() }}
      description={showHint && hint ? t('plan.example', { hint: withoutExampleWord(hint) }) : undefined}
      descriptionProps={{ id: descriptionId, style: { whiteSpace: 'pre-line' } }}
      error={error}
      errorProps={{ id: errorId }}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <div className="plan-editor" data-invalid={invalid || undefined}>
        <Group gap={2} className="plan-editor-toolbar" role="group" aria-label={t('plan.editor.formatting')}>
          {tool('bold', <BoldIcon />, () => editor.chain().focus().toggleBold().run())}
          {tool('italic', <ItalicIcon />, () => editor.chain().focus().toggleItalic().run())}
          {tool('bulletList', <BulletListIcon />, () => editor.chain().focus().toggleBulletList().run())}
          {tool('orderedList', <OrderedListIcon />, () => editor.chain().focus().toggleOrderedList().run())}
          <LinkPopover editor={editor} active={state.link} />
          <Tooltip label={t('plan.editor.removeLink')} withArrow>
            <ActionIcon
              variant="subtle"
              color="dark"
              size="lg"
              aria-label={t('plan.editor.removeLink')}
              disabled={!state.link}
              onClick={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
            >
              <UnlinkIcon />
            </ActionIcon>
          </Tooltip>
        </Group>
        <EditorContent editor={editor} />
      </div>
    </Input.Wrapper>
  );
}
