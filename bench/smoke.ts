/**
 * Smoke mode of the benchmarks (BENCH_SMOKE=1): a tiny data set and a few requests per run, so that
 * `bench/benchmarks.api.test.ts` can check in seconds that every benchmark still works (its
 * verification passes, no errors, exit code 0). The figures of a smoke run mean nothing, and nothing
 * reads them: a benchmark that only breaks when someone wants numbers is found too late.
 *
 * Settings given explicitly in the environment still win over the smoke defaults.
 */
export const smoke = process.env.BENCH_SMOKE === '1';

/** Requests per measured autocannon run in smoke mode: enough to go through every path once or twice. */
const SMOKE_REQUESTS = 20;

/**
 * How long autocannon runs: the given seconds, or in smoke mode a fixed number of requests, which
 * ends as soon as they are answered instead of waiting out a duration on a slow machine.
 */
export const runLength = (seconds: number): { duration: number } | { amount: number } =>
  smoke ? { amount: SMOKE_REQUESTS } : { duration: seconds };

export const smokeNote = 'Smoke run (BENCH_SMOKE=1): tiny data set and a few requests; the figures below mean nothing.';
