/**
 * `npm test`: every suite, on both databases, ending in one line that counts them all.
 *   0. type check, lint and format check (`npm run validate`)
 *   1. unit tests
 *   2. API tests on SQLite
 *   3. API tests on a throwaway PostgreSQL started here and stopped afterwards
 *   4. the build (`npm run build`) and the browser journeys (Chromium) against the built server on
 *      SQLite and on PostgreSQL
 *   5. with TEST_SECOND_NODE naming another Node.js binary (CI sets it to Node 24): the unit and API
 *      suites again on that Node, in a copy of the project whose native modules are built for it
 * What the system must provide is checked first, and a missing program stops the run at once.
 * Any failure, or any skipped test, fails the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres, type ThrowawayPostgres } from './postgres.js';
import { checkTestPrerequisites } from './prerequisites.js';
import { prepareSecondNode, type SecondNode } from './second-node.js';

const missing = checkTestPrerequisites();
if (missing.length > 0) {
  console.error(
    ['npm test kan inte köras på den här datorn:', ...missing.map((problem) => `  - ${problem}`)].join('\n'),
  );
  process.exit(1);
}

const reports = path.resolve('.tmp/test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
  /** Passed only when run again. */
  flaky?: number;
}

/** Why a suite failed when none of its tests did: errors thrown outside any test, say. */
const failedOutsideTests = (tally: Tally) =>
  tally.exitCode !== 0 && tally.failed === 0 ? ' (failed outside its tests: see the errors above)' : '';
const tallies: Tally[] = [];
const secondNodeBinary = process.env.TEST_SECOND_NODE;
/**
 * validate, unit, API on SQLite, API on PostgreSQL, browser journeys, and unit and both API suites again
 * on the second Node: fewer means one did not run.
 */
const EXPECTED_SUITES = secondNodeBinary ? 8 : 5;

function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd });
  return result.status ?? 1;
}

/** Runs a Vitest project with this Node, or in the second Node's copy of the project. */
function vitest(suite: string, project: string, env: Record<string, string> = {}, node?: SecondNode): void {
  console.log(`\n=== ${suite} ===`);
  const output = path.join(reports, `${suite.replace(/\W+/g, '-')}.json`);
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`];
  const exitCode = node
    ? run(node.binary, ['node_modules/vitest/vitest.mjs', ...args], { ...node.env, ...env }, node.projectCopy)
    : run('node_modules/.bin/vitest', args, env);
  const report = fs.existsSync(output) ? JSON.parse(fs.readFileSync(output, 'utf8')) : {};
  tallies.push({
    suite,
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? (exitCode === 0 ? 0 : 1),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    exitCode,
  });
}

function playwright(suite: string, env: Record<string, string>): void {
  console.log(`\n=== ${suite} ===`);
  const output = path.join(reports, 'e2e.json');
  const exitCode = run('node_modules/.bin/playwright', ['test', '--reporter=list,json'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const stats = fs.existsSync(output) ? (JSON.parse(fs.readFileSync(output, 'utf8')).stats ?? {}) : {};
  tallies.push({
    suite,
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? (exitCode === 0 ? 0 : 1),
    skipped: stats.skipped ?? 0,
    exitCode,
    flaky: stats.flaky ?? 0,
  });
}

let postgres: ThrowawayPostgres | undefined;
// Started first: its npm ci compiles native modules while the suites below run on this Node.
const secondNode = secondNodeBinary ? prepareSecondNode(secondNodeBinary, path.resolve('.tmp/second-node')) : undefined;
// Awaited in the try block below; a failure there is reported like any other set-up failure.
secondNode?.catch(() => {});
try {
  console.log('=== validate: types, lint, format ===');
  const validateExit = run('npm', ['run', '--silent', 'validate']);
  tallies.push({
    suite: 'validate',
    passed: 0,
    failed: validateExit === 0 ? 0 : 1,
    skipped: 0,
    exitCode: validateExit,
  });
  vitest('unit', 'unit');
  vitest('api on SQLite', 'api');
  console.log('\n=== starting a throwaway PostgreSQL ===');
  postgres = await startPostgres();
  vitest('api on PostgreSQL', 'api', { TEST_DATABASE_URL: postgres.url });

  console.log('\n=== building server and web app ===');
  const buildExit = run('npm', ['run', '--silent', 'build']);
  if (buildExit !== 0) tallies.push({ suite: 'build', passed: 0, failed: 1, skipped: 0, exitCode: buildExit });
  else
    playwright('browser journeys (SQLite and PostgreSQL)', {
      E2E_POSTGRES_URL: postgres.createDatabase('stegvis_e2e'),
    });

  if (secondNode) {
    console.log("\n=== waiting for the second Node's copy of the project ===");
    const node = await secondNode;
    vitest(`unit on Node ${node.version}`, 'unit', {}, node);
    vitest(`api on SQLite, Node ${node.version}`, 'api', {}, node);
    vitest(`api on PostgreSQL, Node ${node.version}`, 'api', { TEST_DATABASE_URL: postgres.url }, node);
  }
} catch (error) {
  console.error(error);
  tallies.push({ suite: 'set-up', passed: 0, failed: 1, skipped: 0, exitCode: 1 });
} finally {
  postgres?.stop();
}

console.log('\n=== summary ===');
for (const tally of tallies) {
  const flaky = tally.flaky ? ` (${tally.flaky} only on the retry)` : '';
  console.log(
    `${tally.suite.padEnd(45)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped${flaky}${failedOutsideTests(tally)}`,
  );
}
const total = tallies.reduce(
  (sum, tally) => ({
    passed: sum.passed + tally.passed,
    failed: sum.failed + tally.failed,
    skipped: sum.skipped + tally.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
const ok =
  tallies.every((tally) => tally.exitCode === 0 && tally.failed === 0 && tally.skipped === 0) &&
  tallies.length === EXPECTED_SUITES;
if (total.skipped > 0) console.log('Skipped tests fail the run: every test must run.');
if (tallies.length !== EXPECTED_SUITES) console.log(`Only ${tallies.length} of ${EXPECTED_SUITES} suites ran.`);
console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed`);
if (!ok && total.failed === 0) console.log('The run failed although no test did: see the suites marked above.');
process.exit(ok ? 0 : 1);
