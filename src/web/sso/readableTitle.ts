/**
 * An alert's title in the text colour: the light variant's own orange and green reach only about
 * 3:1 on their pale backgrounds, below WCAG AA.
 */
export const readableTitle = { title: { color: 'var(--mantine-color-text)' } };
