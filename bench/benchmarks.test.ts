import { describe, expect, it } from 'vitest';
import { benchFiles, runBench } from './run-all.js';
import { smokeNote } from './smoke.js';

/**
 * Every benchmark, briefly (BENCH_SMOKE=1, see smoke.ts), so that one that no longer works fails
 * `npm test` instead of the next person who wants figures from it. What is checked is what each
 * benchmark checks itself (the same answers as its baseline, no errors or non-2xx answers) through
 * its exit code; never a timing. They run at the same time: each is mostly waiting for child
 * processes to start.
 */

/**
 * A smoke run takes a minute or two on a busy machine (the HTTP benchmark starts servers, seeds both
 * databases and makes a cold PDF export); one that hangs is stopped.
 */
const LIMIT_MS = 300_000;

describe.concurrent('benchmarks in smoke mode', () => {
  it('finds the benchmarks', () => {
    expect(benchFiles()).toContain('activities.bench.ts');
  });

  for (const file of benchFiles()) {
    it(`${file} runs and its verification passes`, { timeout: LIMIT_MS + 10_000 }, async () => {
      const run = await runBench(file, { env: { BENCH_SMOKE: '1' }, capture: true, timeoutMs: LIMIT_MS });
      const tail = run.output.trimEnd().split('\n').slice(-40).join('\n');
      expect(run.code, `${file} exited with ${run.code} after ${run.seconds.toFixed(0)} s:\n${tail}`).toBe(0);
      // A benchmark that ignores BENCH_SMOKE runs at full size: slow, and a sign it was never made for this test.
      expect(run.output, `${file} does not say it ran in smoke mode (see bench/smoke.ts)`).toContain(smokeNote);
    });
  }
});
