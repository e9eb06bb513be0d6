import { Box, Button, Collapse } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';

/**
 * A part of the page that opens from a button (aria-expanded), closed at first. The content brings
 * its own heading, so the button is not one.
 */
export function Collapsible({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <Box>
      <Button
        variant="default"
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => setOpen((current) => !current)}
        leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
      >
        {label}
      </Button>
      <Collapse expanded={open} id={contentId}>
        <Box pt="sm">{children}</Box>
      </Collapse>
    </Box>
  );
}
