import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneEarlierBuilds, shareAssets, withBuildLock } from './build-support.mjs';

let dist: string;
beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-build-'));
});
afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('the build lock', () => {
  it('lets one build run at a time, and the second starts when the first is done', async () => {
    const lockDir = path.join(dist, '.build-lock');
    const events: string[] = [];
    let waited = false;
    const build = (name: string) =>
      withBuildLock(
        async () => {
          events.push(`${name} starts`);
          await pause(300);
          events.push(`${name} ends`);
        },
        { lockDir, onWait: () => (waited = true) },
      );
    await Promise.all([build('first'), pause(50).then(() => build('second'))]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts', 'second ends']);
    expect(waited).toBe(true);
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('takes over a lock whose process has died', async () => {
    const lockDir = path.join(dist, '.build-lock');
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    fs.mkdirSync(lockDir);
    fs.writeFileSync(path.join(lockDir, 'pid'), String(deadPid));
    await expect(withBuildLock(async () => 'built', { lockDir })).resolves.toBe('built');
  });
});

describe('assets shared between builds', () => {
  const makeBuild = (name: string, assets: string[], ageSeconds: number) => {
    const dir = path.join(dist, name);
    fs.mkdirSync(path.join(dir, 'web', 'assets'), { recursive: true });
    for (const asset of assets) fs.writeFileSync(path.join(dir, 'web', 'assets', asset), asset);
    shareAssets(dir, path.join(dist, 'assets'));
    const when = new Date(Date.now() - ageSeconds * 1000);
    fs.utimesSync(dir, when, when);
    return dir;
  };
  const sharedAssets = () => fs.readdirSync(path.join(dist, 'assets')).sort();

  it('keeps every file a kept build needs and removes the rest with the builds past the kept ones', () => {
    makeBuild('build-a', ['index-a.js', 'vendor-1.js'], 40);
    makeBuild('build-b', ['index-b.js', 'vendor-1.js'], 30);
    makeBuild('build-c', ['index-c.js', 'vendor-2.js'], 20);
    fs.writeFileSync(path.join(dist, 'assets', 'index-a.js.br'), 'compressed');
    const current = makeBuild('build-d', ['index-d.js', 'vendor-2.js'], 10);
    expect(fs.existsSync(path.join(current, 'web', 'assets'))).toBe(false);

    pruneEarlierBuilds({ distDir: dist, sharedAssetsDir: path.join(dist, 'assets'), currentDir: current, keep: 2 });

    expect(
      fs
        .readdirSync(dist)
        .filter((name) => name.startsWith('build-'))
        .sort(),
    ).toEqual(['build-b', 'build-c', 'build-d']);
    // vendor-1.js was build-a's and is still build-b's; index-a.js and its compressed copy went with build-a.
    expect(sharedAssets()).toEqual(['index-b.js', 'index-c.js', 'index-d.js', 'vendor-1.js', 'vendor-2.js']);
  });
});
