import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const elementIdOf = (hash: string): string | null => {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')) || null;
  } catch {
    return null;
  }
};

/**
 * Scrolls to the element the page address's hash names (`/projekt/…/plan#risker`, a reminder's
 * `#aktivitet-…`) once `ready` says the page's data is on screen. The browser jumps only while the
 * page loads, before the data and so the element are there. Each visit to an address scrolls once,
 * so a refetch later leaves the reader where they are.
 */
export function useScrollToHash(ready: boolean, block: ScrollLogicalPosition = 'start'): void {
  const { hash, key } = useLocation();
  const scrolledFor = useRef<string | null>(null);
  // After every render, not on a change of `ready` alone: the element may come with a later render.
  useEffect(() => {
    if (!ready || scrolledFor.current === key) return;
    const elementId = elementIdOf(hash);
    const target = elementId === null ? null : document.getElementById(elementId);
    if (!target) return;
    scrolledFor.current = key;
    target.scrollIntoView({ block });
  });
}
