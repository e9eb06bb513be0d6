/**
 * What `npm test` needs from the machine rather than from node_modules, checked before any suite
 * runs: without it a suite would fail half-way with an error that does not say what to install.
 */
import path from 'node:path';
import { findPostgresBinaries, isExecutable, MISSING_POSTGRES, standardPostgresFolders } from './postgres.js';

export interface PrerequisiteOptions {
  env?: NodeJS.ProcessEnv;
  /** Where to look for the PostgreSQL server besides `PG_BIN`. */
  postgresFolders?: string[];
}

/** One line per missing program, naming the Debian package that provides it; empty when all is there. */
export function checkTestPrerequisites({
  env = process.env,
  postgresFolders = standardPostgresFolders(),
}: PrerequisiteOptions = {}): string[] {
  const problems: string[] = [];
  // As tests/e2e/chromium.ts starts it.
  if (!isExecutable(env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    problems.push(
      'Chromium saknas: installera Debians paket chromium (apt-get install chromium) eller ange CHROMIUM_PATH',
    );
  }
  const postgres = findPostgresBinaries(env, postgresFolders);
  if (!postgres) problems.push(MISSING_POSTGRES);
  // scripts/postgres.ts creates the browser journeys' database with psql, from the server's folder or PATH.
  else if (!isExecutable(path.join(postgres, 'psql')) && !onPath('psql', env)) {
    problems.push(
      'PostgreSQL-klienten psql saknas: installera Debians paket postgresql-client (apt-get install postgresql-client)',
    );
  }
  return problems;
}

function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .some((folder) => folder !== '' && isExecutable(path.join(folder, program)));
}
