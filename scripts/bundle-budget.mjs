/**
 * `node scripts/bundle-budget.mjs`: how much JavaScript, gzipped, a browser fetches before a page can
 * show, in the current build (run `npm run build` first); exits 1 when a page is over its budget.
 *
 * A page's initial JavaScript is what its HTML loads (the entry script and the modulepreloads) and
 * every chunk those import statically, and for a page loaded on first use, also its own chunk and
 * the chunks that imports statically. Dynamic `import()` is not followed: that is code fetched later.
 * Plain JavaScript, so that it runs without a build step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { readCurrentBuild, sharedAssetsDir } from './build-support.mjs';

/** Gzipped kilobytes (1 kB = 1000 bytes) each page may fetch before it shows; see issue 15. */
export const BUDGETS = [
  { page: 'Inloggningssidan (/logga-in)', source: null, budgetKb: 300 },
  { page: 'Projektsidan (/projekt/:id)', source: 'projects/ProjectPage.tsx', budgetKb: 350 },
];

/**
 * The chunks a built chunk imports statically: `import … from "./x.js"`, `import "./x.js"` and
 * `export … from "./x.js"`, not `import("./x.js")`. Only relative and root paths: chunks import
 * nothing else.
 */
export function staticImports(code) {
  const statement = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']((?:\.{1,2}\/|\/)[^"']+\.js)["']/g;
  return [...code.matchAll(statement)].map((match) => match[1]);
}

/** The scripts and modulepreloads of the page's HTML, as URL paths such as /assets/index-x.js. */
export function htmlScripts(html) {
  const tags = /<(?:script|link)\b[^>]*>/g;
  const scripts = [];
  for (const [tag] of html.matchAll(tags)) {
    const isModuleScript = tag.startsWith('<script') && /\stype=["']module["']/.test(tag);
    const isPreload = tag.startsWith('<link') && /\srel=["']modulepreload["']/.test(tag);
    const address = /\s(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && address?.endsWith('.js')) scripts.push(address);
  }
  return scripts;
}

/**
 * Every chunk reachable from `starts` through static imports, as URL paths. `readChunk(urlPath)`
 * gives a chunk's code.
 */
export function staticGraph(starts, readChunk) {
  const seen = new Set();
  const pending = [...starts];
  while (pending.length > 0) {
    const address = pending.pop();
    if (seen.has(address)) continue;
    seen.add(address);
    for (const specifier of staticImports(readChunk(address))) {
      pending.push(new URL(specifier, `http://stegvis${address}`).pathname);
    }
  }
  return [...seen].sort();
}

/** Raw and gzipped bytes (level 9, as the build precompresses) of the chunks together. */
export function sizeOf(chunks, readChunk) {
  let raw = 0;
  let gzip = 0;
  for (const address of chunks) {
    const code = Buffer.from(readChunk(address));
    raw += code.length;
    gzip += zlib.gzipSync(code, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Each budgeted page's initial chunks and sizes in a build: `html` is its index.html, `manifest` Vite's
 * build manifest (keys are sources relative to src/web), `assetsDir` the folder /assets/ is served from.
 */
export function measure({ html, manifest, assetsDir, budgets = BUDGETS }) {
  const cache = new Map();
  const readChunk = (address) => {
    if (!address.startsWith('/assets/')) throw new Error(`Okänd sökväg till ett skript: ${address}`);
    if (!cache.has(address)) cache.set(address, fs.readFileSync(path.join(assetsDir, address.slice(8)), 'utf8'));
    return cache.get(address);
  };
  const entry = htmlScripts(html);
  return budgets.map(({ page, source, budgetKb }) => {
    const starts = [...entry];
    if (source) {
      const chunk = manifest[source];
      if (!chunk) throw new Error(`${source} finns inte i byggets manifest: är sidan flyttad eller bytt namn?`);
      starts.push(`/${chunk.file}`);
    }
    const chunks = staticGraph(starts, readChunk);
    const { raw, gzip } = sizeOf(chunks, readChunk);
    return { page, chunks, raw, gzip, budgetKb, over: gzip > budgetKb * 1000 };
  });
}

/** The current build's pages measured, from dist/current.json. */
export function measureCurrentBuild() {
  const build = readCurrentBuild();
  if (!build) throw new Error('Inget bygge finns: kör npm run build först.');
  const manifestFile = path.join(build.dir, 'web-manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} saknas: kör npm run build med aktuell kod.`);
  return measure({
    html: fs.readFileSync(path.join(build.dir, 'web', 'index.html'), 'utf8'),
    manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')),
    assetsDir: sharedAssetsDir,
  });
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

export function table(results) {
  const rows = [
    ['sida', 'filer', 'rå kB', 'gzip kB', 'budget kB', ''],
    ...results.map((result) => [
      result.page,
      String(result.chunks.length),
      kb(result.raw),
      kb(result.gzip),
      String(result.budgetKb),
      result.over ? 'ÖVER BUDGET' : 'ok',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))),
    )
    .map((cells) => cells.join('  ').trimEnd())
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const results = measureCurrentBuild();
    console.log('JavaScript innan sidan visas (gzip nivå 9):');
    console.log(table(results));
    if (results.some((result) => result.over)) {
      console.error('\nFör mycket JavaScript innan sidan visas: ladda det som bara en sida behöver när sidan öppnas.');
      process.exit(1);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
