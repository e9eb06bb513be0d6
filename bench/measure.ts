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

/** The same numbers in every process and run (mulberry32), so each benchmark's data set is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
