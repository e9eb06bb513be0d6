import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlScripts, measure, staticImports, table } from './bundle-budget.mjs';

let assetsDir: string;
beforeEach(() => {
  assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-budget-'));
});
afterEach(() => fs.rmSync(assetsDir, { recursive: true, force: true }));

const write = (name: string, code: string) => fs.writeFileSync(path.join(assetsDir, name), code);
const gzipped = (...codes: string[]) => codes.reduce((sum, code) => sum + zlib.gzipSync(code, { level: 9 }).length, 0);

describe('the static imports of a built chunk', () => {
  it('takes import and re-export statements, minified or not, and leaves dynamic import() out', () => {
    const code = [
      'import{a as e,b as t}from"./shared-1.js";import"./side-effect-2.js";',
      "import * as all from './namespace-3.js';",
      'export{c as d}from"./re-export-4.js";export*from"./star-5.js";',
      'const page=()=>import("./Page-6.js");const other=import(`./Other-7.js`);',
      'const text="import data from a file";export{page as p};',
    ].join('\n');
    expect(staticImports(code)).toEqual([
      './shared-1.js',
      './side-effect-2.js',
      './namespace-3.js',
      './re-export-4.js',
      './star-5.js',
    ]);
  });
});

describe('the scripts of the page', () => {
  it('takes the module script and the modulepreloads, not the stylesheet', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(htmlScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
  });
});

describe('measuring the pages', () => {
  it("counts the entry's static graph for the entry page, and adds the lazy page's own graph for it", () => {
    const chunks = {
      'index.js': 'import{r}from"./react.js";const p=()=>import("./Page.js");const q=()=>import("./Chart.js");',
      'react.js': 'import"./runtime.js";export const r=1;',
      'runtime.js': 'export const x=2;',
      'Page.js': 'import{r}from"./react.js";import{e}from"./editor.js";',
      'editor.js': 'export const e="a long editor";',
      'Chart.js': 'export const c="a chart, never counted";',
    };
    for (const [name, code] of Object.entries(chunks)) write(name, code);
    const html = '<script type="module" src="/assets/index.js"></script>';
    const [entry, page] = measure({
      html,
      manifest: { 'pages/Page.tsx': { file: 'assets/Page.js' } },
      assetsDir,
      budgets: [
        { page: 'login', source: null, budgetKb: 1 },
        { page: 'page', source: 'pages/Page.tsx', budgetKb: 0.001 },
      ],
    });
    expect(entry.chunks).toEqual(['/assets/index.js', '/assets/react.js', '/assets/runtime.js']);
    expect(entry.raw).toBe(chunks['index.js'].length + chunks['react.js'].length + chunks['runtime.js'].length);
    expect(entry.gzip).toBe(gzipped(chunks['index.js'], chunks['react.js'], chunks['runtime.js']));
    expect(entry.over).toBe(false);
    expect(page.chunks).toEqual([
      '/assets/Page.js',
      '/assets/editor.js',
      '/assets/index.js',
      '/assets/react.js',
      '/assets/runtime.js',
    ]);
    expect(page.over).toBe(true);
    expect(table([entry, page])).toMatch(/page\s+5\s+[\d.]+\s+[\d.]+\s+0\.001\s+ÖVER BUDGET/);
  });

  it('names a page missing from the manifest instead of measuring the entry alone', () => {
    write('index.js', '');
    expect(() =>
      measure({
        html: '<script type="module" src="/assets/index.js"></script>',
        manifest: {},
        assetsDir,
        budgets: [{ page: 'page', source: 'pages/Gone.tsx', budgetKb: 1 }],
      }),
    ).toThrow(/pages\/Gone\.tsx/);
  });
});
