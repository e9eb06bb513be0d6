/** Time, CPU and memory of one piece of work, for the benchmarks. */
export interface Measurement {
  milliseconds: number;
  cpuMilliseconds: number;
  /** Peaks above what the process held before the work began. */
  peakRss: number;
  peakHeap: number;
  baseRss: number;
  baseHeap: number;
}

/** Runs `work` while sampling memory every 5 ms. */
export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; measurement: Measurement }> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    sample();
    const used = process.cpuUsage(cpu);
    return {
      result,
      measurement: {
        milliseconds: Number(process.hrtime.bigint() - started) / 1e6,
        cpuMilliseconds: (used.user + used.system) / 1000,
        peakRss: peakRss - base.rss,
        peakHeap: peakHeap - base.heapUsed,
        baseRss: base.rss,
        baseHeap: base.heapUsed,
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

// Moved to the server's core so that `npm run seed:scale` generates with it too; the benchmarks keep importing it here.
export { seededRandom } from '../src/server/core/seeded-random.js';
