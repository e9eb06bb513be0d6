import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTestPrerequisites } from './prerequisites.js';

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-prerequisites-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

function program(name: string, mode = 0o755): void {
  fs.writeFileSync(path.join(folder, name), '#!/bin/sh\n', { mode });
}

describe('what npm test needs from the machine', () => {
  it('names the Debian package for Chromium and for the PostgreSQL server when neither is there', () => {
    const problems = checkTestPrerequisites({
      env: { PATH: folder, CHROMIUM_PATH: path.join(folder, 'chromium') },
      postgresFolders: [folder],
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Chromium saknas: installera Debians paket chromium .*CHROMIUM_PATH/);
    expect(problems[1]).toMatch(
      /^PostgreSQL-servern \(initdb, pg_ctl\) saknas: installera Debians paket postgresql .*PG_BIN/,
    );
  });

  it('finds nothing missing with CHROMIUM_PATH and PG_BIN pointing at the programs', () => {
    for (const name of ['chromium', 'initdb', 'pg_ctl', 'psql']) program(name);
    expect(
      checkTestPrerequisites({
        env: { PATH: '', CHROMIUM_PATH: path.join(folder, 'chromium'), PG_BIN: folder },
        postgresFolders: [],
      }),
    ).toEqual([]);
  });

  it('does not take a file that cannot be run, nor a server without pg_ctl, for the program', () => {
    program('chromium', 0o644);
    program('initdb');
    const problems = checkTestPrerequisites({
      env: { PATH: folder, CHROMIUM_PATH: path.join(folder, 'chromium'), PG_BIN: folder },
      postgresFolders: [],
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'Chromium saknas',
      'PostgreSQL-servern (initdb, pg_ctl) saknas',
    ]);
  });

  it('asks for psql when the server has none beside it and PATH has none either', () => {
    for (const name of ['chromium', 'initdb', 'pg_ctl']) program(name);
    const env = { PATH: folder, CHROMIUM_PATH: path.join(folder, 'chromium'), PG_BIN: folder };
    expect(checkTestPrerequisites({ env, postgresFolders: [] })).toEqual([
      'PostgreSQL-klienten psql saknas: installera Debians paket postgresql-client (apt-get install postgresql-client)',
    ]);
    const clientFolder = fs.mkdtempSync(path.join(folder, 'client-'));
    fs.writeFileSync(path.join(clientFolder, 'psql'), '#!/bin/sh\n', { mode: 0o755 });
    expect(checkTestPrerequisites({ env: { ...env, PATH: clientFolder }, postgresFolders: [] })).toEqual([]);
  });
});
