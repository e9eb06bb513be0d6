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

/**
 * The last answer written for each of the most recent viewers, by the tag of what it shows
 * (`getPortfolio`): a viewer asking again with nothing changed gets the same bytes without rows
 * being built or serialized. Bounded, as each answer is a few hundred kilobytes at national scale.
 */
const MAX_REMEMBERED_VIEWERS = 16;

export interface AnswerCache {
  get(userId: string, etag: string): string | undefined;
  set(userId: string, etag: string, body: string): void;
}

const answerCaches = new WeakMap<AppContext['db'], AnswerCache>();

export function answerCacheOf(context: AppContext): AnswerCache {
  let cache = answerCaches.get(context.db);
  if (!cache) {
    const answers = new Map<string, { etag: string; body: string }>();
    cache = {
      get(userId, etag) {
        const answer = answers.get(userId);
        if (answer?.etag !== etag) return undefined;
        // Most recently used last, so the first entry is the one to let go.
        answers.delete(userId);
        answers.set(userId, answer);
        return answer.body;
      },
      set(userId, etag, body) {
        answers.delete(userId);
        answers.set(userId, { etag, body });
        if (answers.size > MAX_REMEMBERED_VIEWERS) answers.delete(answers.keys().next().value as string);
      },
    };
    answerCaches.set(context.db, cache);
  }
  return cache;
}
