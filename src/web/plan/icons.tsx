import { LineIcon } from '../layout/LineIcon.js';

// Line icons for the editor's toolbar.

export const BoldIcon = () => (
  <LineIcon>
    <path d="M7 5h6a3.5 3.5 0 0 1 0 7h-6z" />
    <path d="M13 12h1a3.5 3.5 0 0 1 0 7h-7v-7" />
  </LineIcon>
);

export const ItalicIcon = () => (
  <LineIcon>
    <path d="M11 5h6" />
    <path d="M7 19h6" />
    <path d="M14 5l-4 14" />
  </LineIcon>
);

export const BulletListIcon = () => (
  <LineIcon>
    <path d="M9 6h11" />
    <path d="M9 12h11" />
    <path d="M9 18h11" />
    <path d="M5 6v.01" />
    <path d="M5 12v.01" />
    <path d="M5 18v.01" />
  </LineIcon>
);

export const OrderedListIcon = () => (
  <LineIcon>
    <path d="M11 6h9" />
    <path d="M11 12h9" />
    <path d="M12 18h8" />
    <path d="M4 16a2 2 0 1 1 4 0c0 .59-.5 1-1 1.5l-3 2.5h4" />
    <path d="M6 10v-6l-2 2" />
  </LineIcon>
);

export const LinkIcon = () => (
  <LineIcon>
    <path d="M9 15l6-6" />
    <path d="M11 6l.46-.54a5 5 0 0 1 7.07 7.07l-.53.47" />
    <path d="M13 18l-.4.53a5.07 5.07 0 0 1-7.13 0a4.97 4.97 0 0 1 0-7.07l.53-.46" />
  </LineIcon>
);

export const UnlinkIcon = () => (
  <LineIcon>
    <path d="M9 15l3-3m2-2l1-1" />
    <path d="M11 6l.46-.54a5 5 0 0 1 7.07 7.07l-.53.47" />
    <path d="M3 3l18 18" />
    <path d="M13 18l-.4.53a5.07 5.07 0 0 1-7.13 0a4.97 4.97 0 0 1 0-7.07l.53-.46" />
  </LineIcon>
);

export const RemoveIcon = () => (
  <LineIcon>
    <path d="M18 6L6 18" />
    <path d="M6 6l12 12" />
  </LineIcon>
);
