import type { ReactNode } from 'react';
import { LineIcon } from '../layout/LineIcon.js';

/** Line icons beside a state that the text also says; they keep their size in a narrow row. */
const Icon = ({ children }: { children: ReactNode }) => <LineIcon style={{ flexShrink: 0 }}>{children}</LineIcon>;

export const DoneIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.5l2.5 2.5L16 9.5" />
  </Icon>
);

export const NotDoneIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
  </Icon>
);

export const GapIcon = () => (
  <Icon>
    <path d="M12 3l9.5 17h-19z" />
    <path d="M12 10v4" />
    <path d="M12 17.5v.01" />
  </Icon>
);
