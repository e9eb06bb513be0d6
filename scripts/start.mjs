/**
 * `npm start`: runs the compiled server, building it first when the sources have no build yet (a fresh
 * clone) or have changed since. On a tree installed without dev dependencies nothing can be built:
 * the existing build runs. Plain JavaScript, so that it needs no TypeScript runner.
 *
 *   npm start                 the server
 *   npm start -- --demo       the server with the demo customer
 *   npm run backup -- FILE    the compiled backup command (see src/server/backup-main.ts)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCurrentBuild, root, sourceFingerprint } from './build-support.mjs';

const ENTRY_POINTS = { server: 'main.js', backup: 'backup.js' };
// `backup` picks the other entry point; anything else (`--demo`) is for the server.
const entry = process.argv[2] === 'backup' ? process.argv.splice(2, 1)[0] : 'server';

const canBuild =
  fs.existsSync(path.join(root, 'node_modules', 'esbuild')) && fs.existsSync(path.join(root, 'node_modules', 'vite'));
const hasSources = fs.existsSync(path.join(root, 'src'));

async function currentBuild() {
  const current = readCurrentBuild();
  if (current && (!hasSources || current.fingerprint === sourceFingerprint())) return current;
  if (canBuild && hasSources) {
    // In a process of its own: the bundlers' memory (500 MB and more) is given back when it exits,
    // instead of staying with the server for its whole life.
    const { status } = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    const built = readCurrentBuild();
    if (status !== 0 || !built) process.exit(1);
    return built;
  }
  if (current) {
    console.warn(
      '  Källkoden har ändrats sedan bygget, men byggverktygen saknas (npm ci --omit=dev): kör npm run build.',
    );
    return current;
  }
  console.error(
    'Stegvis är inte byggt och byggverktygen saknas: kör npm ci och npm run build (eller npm start) först.',
  );
  process.exit(1);
}

const build = await currentBuild();
// Stack traces in the log then point at the TypeScript sources, not at the bundle.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(build.dir, 'server', ENTRY_POINTS[entry])).href);
