/**
 * What `npm run build` and `npm start` agree on: where builds live, which one is current, and whether
 * it was made from the sources as they are now. Plain JavaScript, so that it runs on a tree installed
 * with `npm ci --omit=dev`, where no TypeScript runner exists.
 *
 * Layout under dist/:
 *   build-<fingerprint>/server/  the compiled server (main.js, backup.js)
 *   build-<fingerprint>/web/     the web app's index.html
 *   assets/                      every build's fingerprinted files, kept side by side, so that an
 *                                instance still on an older build, or a browser holding an older
 *                                index.html, never asks for a file that is gone
 *   current.json                 which build `npm start` runs, replaced in one rename
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const distDir = path.join(root, 'dist');
export const sharedAssetsDir = path.join(distDir, 'assets');
const currentFile = path.join(distDir, 'current.json');
const defaultLockDir = path.join(distDir, '.build-lock');

/** Everything whose change makes a new build: the app's sources (not its tests) and how it is built. */
const BUILD_INPUTS = ['src', 'package-lock.json', 'vite.config.ts', 'scripts/build.mjs', 'scripts/build-support.mjs'];
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}test-support${path.sep}`);

function filesUnder(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.relative(root, path.join(dirent.parentPath, dirent.name)));
}

/** A hash of every build input's path and content: the same sources give the same build, on any clone. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap(filesUnder)
    .filter((file) => !isTest(file))
    .sort();
  for (const file of files) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export const buildDirOf = (fingerprint) => path.join(distDir, `build-${fingerprint}`);

/** The build `npm start` runs, or undefined when there is none (or its folder is gone). */
export function readCurrentBuild() {
  try {
    const current = JSON.parse(fs.readFileSync(currentFile, 'utf8'));
    const dir = buildDirOf(current.fingerprint);
    return fs.existsSync(path.join(dir, 'server', 'main.js')) ? { ...current, dir } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a file so that a reader sees the old content or the new, never a part. */
export function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

export function markCurrent(build) {
  writeAtomically(currentFile, `${JSON.stringify(build, null, 2)}\n`);
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** The process holding the build lock; 0 while it is still writing its number, or once it has let go. */
function lockHolder(lockDir) {
  try {
    return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
}

function lockAgeMilliseconds(lockDir) {
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs `work` while holding the build lock, so that two instances started at once from one checkout
 * build once: the second waits, then finds the build made. A lock left by a process that died is taken over.
 */
export async function withBuildLock(work, { onWait, lockDir = defaultLockDir } = {}) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = lockHolder(lockDir);
      if (holder ? !isAlive(holder) : lockAgeMilliseconds(lockDir) > 10_000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!told) onWait?.();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Moves the build's fingerprinted files into the folder every build shares, and lists them in the
 * build, so that pruning knows which files a kept build still needs.
 */
export function shareAssets(buildDir, sharedAssetsDir) {
  const ownAssets = path.join(buildDir, 'web', 'assets');
  const names = fs.existsSync(ownAssets) ? fs.readdirSync(ownAssets) : [];
  fs.mkdirSync(sharedAssetsDir, { recursive: true });
  for (const name of names) {
    const target = path.join(sharedAssetsDir, name);
    // Same name, same content: the name carries the content's hash.
    if (!fs.existsSync(target)) fs.renameSync(path.join(ownAssets, name), target);
  }
  fs.rmSync(ownAssets, { recursive: true, force: true });
  fs.writeFileSync(path.join(buildDir, 'assets.json'), `${JSON.stringify(names)}\n`);
}

/** Removes all but the `keep` newest builds besides the current one, and the assets only they needed. */
export function pruneEarlierBuilds({ distDir, sharedAssetsDir, currentDir, keep }) {
  const earlier = fs
    .readdirSync(distDir)
    .filter((name) => /^build-[0-9a-f]+$/.test(name))
    .map((name) => path.join(distDir, name))
    .filter((dir) => dir !== currentDir)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const dir of earlier.slice(keep)) fs.rmSync(dir, { recursive: true, force: true });
  const needed = new Set(
    [currentDir, ...earlier.slice(0, keep)].flatMap((dir) => {
      const list = path.join(dir, 'assets.json');
      return fs.existsSync(list) ? JSON.parse(fs.readFileSync(list, 'utf8')) : [];
    }),
  );
  for (const name of fs.readdirSync(sharedAssetsDir)) {
    const original = name.replace(/\.(br|gz)$/, '');
    if (!needed.has(original)) fs.rmSync(path.join(sharedAssetsDir, name), { force: true });
  }
}
