import type { AppContext } from '../core/context.js';
import type { DayView, ProjectFacts } from './facts.js';

/**
 * The facts of the projects this instance has computed, each with the project's change count it
 * was computed at, and the last day view made of them. An entry is only ever used while the
 * database still holds that count, which every change raises in its own transaction
 * (docs/decisions/013), so instances sharing a database never serve one another's stale figures.
 * Kept per database handle: an app, and each test's app, has its own.
 */
export interface CachedProject {
  changeCount: number;
  facts: ProjectFacts;
  view?: { key: string; view: DayView };
}

export type PortfolioCache = Map<string, CachedProject>;

const caches = new WeakMap<AppContext['db'], PortfolioCache>();

export function portfolioCacheOf(context: AppContext): PortfolioCache {
  let cache = caches.get(context.db);
  if (!cache) {
    cache = new Map();
    caches.set(context.db, cache);
  }
  return cache;
}
