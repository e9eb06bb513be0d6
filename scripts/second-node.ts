/**
 * The suites on a second Node.js (CI: Node 24 LTS beside the machine's Node 20). Native modules such as
 * better-sqlite3 are built for one Node's ABI, so the second Node gets a copy of the project with its
 * own `npm ci`; the copy is reused while the lock file and that Node stay the same.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SecondNode {
  binary: string;
  version: string;
  projectCopy: string;
  /** PATH with the second Node first, so that scripts and child processes run on it too. */
  env: Record<string, string>;
}

function projectFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    encoding: 'utf8',
  });
  return listed.split('\0').filter((file) => file && fs.existsSync(file));
}

/**
 * Copies the project and installs its packages for the second Node. Asynchronous, so that `npm test`
 * starts it first and the native compile overlaps the suites on the first Node.
 */
export async function prepareSecondNode(binary: string, projectCopy: string): Promise<SecondNode> {
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  const binFolder = path.dirname(path.resolve(binary));
  const env = {
    PATH: `${binFolder}${path.delimiter}${process.env.PATH ?? ''}`,
    // Headers for node-gyp: the Node package from the npm registry carries them beside its bin folder.
    npm_config_nodedir: path.dirname(binFolder),
  };

  for (const entry of fs.existsSync(projectCopy) ? fs.readdirSync(projectCopy) : []) {
    if (entry !== 'node_modules') fs.rmSync(path.join(projectCopy, entry), { recursive: true, force: true });
  }
  for (const file of projectFiles()) {
    fs.mkdirSync(path.join(projectCopy, path.dirname(file)), { recursive: true });
    fs.copyFileSync(file, path.join(projectCopy, file));
  }

  const installedFor = `${version} ${createHash('sha256').update(fs.readFileSync('package-lock.json')).digest('hex')}`;
  const stamp = path.join(projectCopy, 'node_modules', '.installed-for');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== installedFor) {
    const install = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: projectCopy,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...env },
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      install.on('error', reject);
      install.on('exit', resolve);
    });
    if (exitCode !== 0) throw new Error(`npm ci för ${version} misslyckades (slutkod ${exitCode})`);
    fs.writeFileSync(stamp, installedFor);
  }
  return { binary: path.resolve(binary), version, projectCopy, env };
}
