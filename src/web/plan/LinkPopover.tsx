import { ActionIcon, Button, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkIcon } from './icons.js';
import { completeAddress, SAFE_LINK } from './links.js';

/** The toolbar's "add link" button and the small form for the address it opens. */
export function LinkPopover({ editor, active }: { editor: Editor; active: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const open = () => {
    setAddress(active ? String(editor.getAttributes('link').href ?? '') : '');
    setProblem(null);
    setOpened(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    // The dropdown lives in a portal, but React still bubbles its submit to a form around the editor.
    event.stopPropagation();
    const href = completeAddress(address);
    if (!SAFE_LINK.test(href)) {
      setProblem(t('plan.editor.linkInvalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !active) {
      const { from } = editor.state.selection;
      const previous = editor.state.doc.textBetween(Math.max(from - 1, 0), from);
      // Spaces around the address keep it apart from the words, and what is typed next out of the link.
      chain
        .insertContent([
          ...(previous && !/\s/.test(previous) ? [{ type: 'text', text: ' ' }] : []),
          { type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] },
          { type: 'text', text: ' ' },
        ])
        .run();
    } else {
      chain.setLink({ href }).run();
    }
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label={t('plan.editor.addLink')} withArrow>
          <ActionIcon
            variant={active ? 'filled' : 'subtle'}
            color={active ? 'blue' : 'dark'}
            size="lg"
            aria-label={t('plan.editor.addLink')}
            aria-pressed={active}
            onClick={() => (opened ? setOpened(false) : open())}
          >
            <LinkIcon />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown className="plan-popover">
        <form onSubmit={apply} noValidate>
          <Stack gap="xs" w={320}>
            <TextInput
              label={t('plan.editor.linkAddress')}
              description={t('plan.editor.linkAddressHint')}
              value={address}
              error={problem}
              onChange={(event) => setAddress(event.currentTarget.value)}
              data-autofocus
            />
            <Group gap="xs">
              <Button type="submit" size="xs">
                {t('plan.editor.insertLink')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('plan.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
