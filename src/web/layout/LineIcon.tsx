import type { CSSProperties, ReactNode } from 'react';

/**
 * The frame of a line icon: drawn on a 24×24 grid with the text colour, 18 pixels wide, and hidden
 * from assistive technology, since the text beside it always says the same.
 */
export function LineIcon({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      style={style}
    >
      {children}
    </svg>
  );
}
