/**
 * One measured run of http.bench.ts: autocannon against one address, each request chosen by the
 * scenario when a connection is ready to send it, with the servers' resident memory sampled during
 * the run.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { runLength } from '../smoke.js';
import { HOST, sampleResidentMemory, waitUntilIdle } from './processes.js';

export interface LoadRequest {
  /** What the request is, for the latency per kind: `GET /api/projects/:id/steps`. */
  kind: string;
  method: 'GET' | 'PATCH' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Called with every answer to this request, e.g. to carry an activity's new version. */
  onAnswer?: (status: number, body: string) => void;
}

/** Hands out the next request; called by whichever connection is free, so it must not block. */
export type NextRequest = () => LoadRequest;

export interface RunResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers outside 2xx, connection errors and timeouts: any of them makes the benchmark fail. */
  failures: number;
  firstFailure?: string;
  bytesPerResponse: number;
  /** Peak resident memory of each measured server process during the run. */
  peakRss: number[];
  /** p50 and p99 per kind of request, from the times between handing a request out and its answer. */
  byKind: Record<string, { requests: number; p50: number; p99: number }>;
  /** The machine's 1-minute load average at the end of the run: above its CPU count, figures are noisy. */
  loadAverage: number;
}

export const percentile = (sorted: number[], share: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];

interface Context {
  request?: LoadRequest;
  sentAt?: number;
}

export async function runLoad(options: {
  port: number;
  connections: number;
  seconds: number;
  next: NextRequest;
  /** Server processes whose memory is sampled. */
  pids: number[];
  /** Heavy answers (exports) take seconds each under load; a timeout would count as a failure. */
  timeoutSeconds?: number;
  /** A fixed number of requests instead of the duration (warm-up). */
  amount?: number;
}): Promise<RunResult> {
  const latencies = new Map<string, number[]>();
  let firstFailure: string | undefined;
  let failedAnswers = 0;
  const memory = sampleResidentMemory(options.pids);
  const length = options.amount !== undefined ? { amount: options.amount } : runLength(options.seconds);
  const result = await autocannon({
    url: `http://${HOST}:${options.port}`,
    connections: options.connections,
    ...length,
    timeout: options.timeoutSeconds ?? 30,
    requests: [
      {
        setupRequest: (request, context: Context) => {
          const next = options.next();
          context.request = next;
          context.sentAt = performance.now();
          return {
            ...request,
            method: next.method,
            path: next.path,
            headers: next.headers,
            body: next.body,
          };
        },
        onResponse: (status, body, context: Context) => {
          const request = context.request;
          if (!request) return;
          const took = performance.now() - (context.sentAt ?? performance.now());
          const times = latencies.get(request.kind) ?? [];
          if (times.length === 0) latencies.set(request.kind, times);
          times.push(took);
          if (status < 200 || status >= 300) {
            failedAnswers += 1;
            firstFailure ??= `${request.method} ${request.path} answered ${status}: ${body.slice(0, 300)}`;
          }
          request.onAnswer?.(status, body);
        },
      },
    ],
  });
  const peakRss = memory.stop();
  const loadAverage = os.loadavg()[0];
  await waitUntilIdle(options.port);
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 && !firstFailure) {
    firstFailure = `${result.errors} connection errors, ${result.timeouts} timeouts`;
  }
  const byKind: RunResult['byKind'] = {};
  for (const [kind, times] of latencies) {
    times.sort((a, b) => a - b);
    byKind[kind] = { requests: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  }
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: Math.max(failures, failedAnswers),
    firstFailure,
    bytesPerResponse: result.requests.total === 0 ? 0 : result.throughput.total / result.requests.total,
    peakRss,
    byKind,
    loadAverage,
  };
}
