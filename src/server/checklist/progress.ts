import type { Progress } from '../../shared/projects.js';

/** Share of activities done, in whole percent rounded down so that 100 % means all are done. */
export function progressOf(done: number, total: number): Progress {
  if (done < 0 || total < 0 || done > total) throw new RangeError(`Ogiltig framdrift: ${done} av ${total}`);
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}
