/**
 * The theme's green 9 and orange 9 carry white text at only about 4.3:1, below WCAG AA for a
 * badge's small text; these darker tones pass (6.5:1) and still read as green and orange.
 */
export const unreadColor = '#a63b0a';

export const changeColors = { added: '#1e6b34', removed: 'red.9', changed: 'blue.9' } as const;
