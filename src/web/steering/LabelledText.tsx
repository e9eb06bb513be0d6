import { Box, Text } from '@mantine/core';

/** A labelled piece of written text, its line breaks kept; nothing when the text is empty. */
export function LabelledText({ label, text }: { label: string; text: string }) {
  if (text.trim() === '') return null;
  return (
    <Box>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Box>
  );
}
