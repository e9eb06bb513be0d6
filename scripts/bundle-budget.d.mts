/** Types of bundle-budget.mjs, which is plain JavaScript so that it runs without a build step. */
export interface Budget {
  page: string;
  /** The page's source relative to src/web, as Vite's manifest names it; null for the entry alone. */
  source: string | null;
  budgetKb: number;
}
export interface PageSize {
  page: string;
  chunks: string[];
  raw: number;
  gzip: number;
  budgetKb: number;
  over: boolean;
}
export declare const BUDGETS: Budget[];
export declare function staticImports(code: string): string[];
export declare function htmlScripts(html: string): string[];
export declare function staticGraph(starts: string[], readChunk: (address: string) => string): string[];
export declare function sizeOf(chunks: string[], readChunk: (address: string) => string): { raw: number; gzip: number };
export declare function measure(options: {
  html: string;
  manifest: Record<string, { file: string }>;
  assetsDir: string;
  budgets?: Budget[];
}): PageSize[];
export declare function measureCurrentBuild(): PageSize[];
export declare function table(results: PageSize[]): string;
