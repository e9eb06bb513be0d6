import { useEffect, useRef } from 'react';

/** A form opened in place takes the focus to its first field, so keyboard users land where they type. */
export function useFocusOnMount<Element extends HTMLElement>() {
  const ref = useRef<Element>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
