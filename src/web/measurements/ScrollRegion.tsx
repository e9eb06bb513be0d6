import type { CSSProperties, ReactNode } from 'react';

/**
 * A box that scrolls when its content is too large, named for screen readers and focusable so that
 * a keyboard can scroll it too.
 */
export function ScrollRegion({
  label,
  style,
  children,
}: {
  label: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section aria-label={label} tabIndex={0} style={{ overflow: 'auto', ...style }}>
      {children}
    </section>
  );
}
