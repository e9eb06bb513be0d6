import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRepeating } from './scheduler.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the repeating job', () => {
  it('runs every interval, skips a tick while a run is still going, and stop waits for that run', async () => {
    const finishers: (() => void)[] = [];
    const run = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const scheduler = startRepeating(run, 1000, () => {});
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(1);
    finishers[0]();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false);
    expect(run).toHaveBeenCalledTimes(2);
    finishers[1]();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('reports a failed run and keeps going', async () => {
    const errors: unknown[] = [];
    const run = vi.fn().mockRejectedValueOnce(new Error('databasen svarar inte')).mockResolvedValue(undefined);
    const scheduler = startRepeating(run, 1000, (error) => errors.push(error));
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(errors.map((error) => (error as Error).message)).toEqual(['databasen svarar inte']);
    await scheduler.stop();
  });
});
