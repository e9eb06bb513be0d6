/**
 * `npm start`: runs the compiled server, building it first when the sources have no build yet (a fresh
 * clone) or have changed since. On a tree installed without dev dependencies nothing can be built:
 * the existing build runs. Plain JavaScript, so that it needs no TypeScript runner.
 *
 *   npm start                 the server
 *   npm start -- --demo       the server with the demo customer
 *   npm run backup -- FILE    the compiled backup command (see src/server/backup-main.ts)
 */
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
    const { build } = await import('./build.mjs');
    return build({ log: (message) => console.log(`  ${message}`) });
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
