/**
 * `npm run build`: the server compiled by esbuild into one ES module per entry point (npm packages stay
 * in node_modules), the web app by Vite, and every text asset precompressed with brotli and gzip, so
 * that serving a file costs no compression at run time. See docs/decisions/012-build-once-start-fast.md.
 *
 * A build goes to a folder of its own, named by the fingerprint of its sources, and becomes current
 * in one rename: an instance running an older build keeps its files while a new one is made.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import {
  buildDirOf,
  distDir,
  markCurrent,
  pruneEarlierBuilds,
  readCurrentBuild,
  root,
  shareAssets,
  sharedAssetsDir,
  sourceFingerprint,
  withBuildLock,
} from './build-support.mjs';

const SERVER_ENTRY_POINTS = { main: 'src/server/main.ts', backup: 'src/server/backup-main.ts' };
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Below this a compressed copy saves less than the extra headers and file look-ups cost. */
const SMALLEST_TO_COMPRESS = 1024;
/** Builds kept besides the current one, for instances that still run them. */
const EARLIER_BUILDS_KEPT = 2;

async function buildServer(outDir, stamp) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: SERVER_ENTRY_POINTS,
    outdir: path.join(outDir, 'server'),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    define: { __STEGVIS_BUILD__: JSON.stringify(stamp) },
  });
}

async function buildWeb(outDir) {
  const vite = await import('vite');
  // A build started under a test runner inherits NODE_ENV=test, and React's development build
  // (70 kB more before the first page shows) would become the build everyone is served.
  process.env.NODE_ENV = 'production';
  await vite.build({
    configFile: path.join(root, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: path.join(outDir, 'web'), emptyOutDir: true },
  });
  // Vite's manifest (which chunk each source became) is for scripts/bundle-budget.mjs, not for
  // browsers: kept in the build, outside the folder that is served.
  const viteDir = path.join(outDir, 'web', '.vite');
  fs.renameSync(path.join(viteDir, 'manifest.json'), path.join(outDir, 'web-manifest.json'));
  fs.rmSync(viteDir, { recursive: true, force: true });
}

async function compressFile(file) {
  await Promise.all([
    pipeline(
      fs.createReadStream(file),
      zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      fs.createWriteStream(`${file}.br`),
    ),
    pipeline(fs.createReadStream(file), zlib.createGzip({ level: 9 }), fs.createWriteStream(`${file}.gz`)),
  ]);
}

async function precompress(webDir) {
  const files = fs
    .readdirSync(webDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.statSync(file).size >= SMALLEST_TO_COMPRESS);
  await Promise.all(files.map(compressFile));
}

/** Builds the current sources unless that build exists; either way makes it the current one. */
export async function build({ log = console.log } = {}) {
  return withBuildLock(
    async () => {
      const fingerprint = sourceFingerprint();
      const dir = buildDirOf(fingerprint);
      const existing = readCurrentBuild();
      if (existing?.fingerprint === fingerprint) return existing;
      if (!fs.existsSync(path.join(dir, 'server', 'main.js'))) {
        const started = performance.now();
        log('Bygger Stegvis (server och webbapp)…');
        const staging = `${dir}.${process.pid}.tmp`;
        fs.rmSync(staging, { recursive: true, force: true });
        const stamp = { fingerprint, builtAt: new Date().toISOString() };
        await buildServer(staging, stamp);
        await buildWeb(staging);
        await precompress(path.join(staging, 'web'));
        shareAssets(staging, sharedAssetsDir);
        fs.writeFileSync(path.join(staging, 'build.json'), `${JSON.stringify(stamp, null, 2)}\n`);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.renameSync(staging, dir);
        log(`Bygget klart på ${((performance.now() - started) / 1000).toFixed(1)} s (${path.relative(root, dir)}).`);
      }
      // Touched so that pruning counts it as the newest, also when an earlier build is made current again.
      const now = new Date();
      fs.utimesSync(dir, now, now);
      const build = JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8'));
      markCurrent(build);
      pruneEarlierBuilds({ distDir, sharedAssetsDir, currentDir: dir, keep: EARLIER_BUILDS_KEPT });
      return { ...build, dir };
    },
    { onWait: () => log('Väntar på ett bygge som redan pågår…') },
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((error) => {
    console.error('Bygget misslyckades:', error);
    process.exit(1);
  });
}
