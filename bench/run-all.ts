/**
 * `npm run bench`: every benchmark in bench/ (each `*.bench.ts`), one after the other, each in a
 * child process of its own, so that one that fails does not stop the others from running: a chain
 * of `&&` hid every benchmark after a broken one. Ends with a line per benchmark and exit code 1 if
 * any failed.
 *
 *   npm run bench                          # all of them
 *   npm run bench -- activities coverage   # those whose file name contains one of the words
 *   BENCH_SMOKE=1 npm run bench            # all of them briefly, to see that they work (smoke.ts)
 *
 * The environment (BENCH_SECONDS and the others) is passed on to every benchmark.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Every benchmark, by file name: a new one is run, and smoke-tested, without being listed anywhere. */
export function benchFiles(): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort();
}

export interface BenchRun {
  file: string;
  /** The exit code; a benchmark killed by a signal counts as failed (1). */
  code: number;
  seconds: number;
  /** stdout and stderr together, when captured. */
  output: string;
}

/**
 * Runs one benchmark with tsx on this Node (process.execPath, so that a test on another Node runs it
 * on that one). `capture` collects its output instead of passing it through.
 */
export function runBench(
  file: string,
  options: { env?: NodeJS.ProcessEnv; capture?: boolean; timeoutMs?: number } = {},
): Promise<BenchRun> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join(BENCH_DIR, file)], {
      cwd: path.dirname(BENCH_DIR),
      env: { ...process.env, ...options.env },
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // SIGTERM reaches tsx, which passes it on to the benchmark; the benchmark's own servers exit when
    // it goes away (they watch their IPC channel).
    const { timeoutMs } = options;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            output += `\n[run-all] ${file} did not finish within ${timeoutMs / 1000} s and was stopped\n`;
            child.kill('SIGTERM');
          }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ file, code: code ?? 1, seconds: (Date.now() - started) / 1000, output });
    });
  });
}

async function main(words: string[]): Promise<number> {
  const files = benchFiles().filter((file) => words.length === 0 || words.some((word) => file.includes(word)));
  if (files.length === 0) {
    console.error(`No benchmark in bench/ matches ${words.join(', ')}; there are ${benchFiles().join(', ')}.`);
    return 1;
  }
  const runs: BenchRun[] = [];
  for (const file of files) {
    console.log(`\n=== ${file} ===`);
    runs.push(await runBench(file));
  }
  console.log('\n=== summary ===');
  for (const run of runs) {
    const outcome = run.code === 0 ? 'ok' : `FAILED (exit code ${run.code})`;
    console.log(`${run.file.padEnd(28)} ${outcome.padEnd(24)} ${run.seconds.toFixed(0)} s`);
  }
  const failed = runs.filter((run) => run.code !== 0).length;
  console.log(failed === 0 ? `All ${runs.length} benchmarks ran.` : `${failed} of ${runs.length} benchmarks failed.`);
  return failed === 0 ? 0 : 1;
}

// Only as a script: the smoke test imports benchFiles and runBench from here.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
