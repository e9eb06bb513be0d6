import { fileURLToPath } from 'node:url';

/** Replaced by `npm run build` in the compiled server (esbuild's define). */
declare const __STEGVIS_BUILD__: { fingerprint: string; builtAt: string } | undefined;

/** Which build this server is; absent when the sources run directly (tests, `npm run dev`). */
export const buildInfo = typeof __STEGVIS_BUILD__ === 'undefined' ? undefined : __STEGVIS_BUILD__;

export interface WebFiles {
  /** The build's own index.html. */
  root: string;
  /** Fingerprinted files of this build and the builds kept before it (see scripts/build-support.mjs). */
  assets: string;
}

/** Where the compiled server finds the web app built with it; the sources serve none (Vite does in development). */
export function builtWebFiles(): WebFiles | undefined {
  if (!buildInfo) return undefined;
  return {
    root: fileURLToPath(new URL('../web/', import.meta.url)),
    assets: fileURLToPath(new URL('../../assets/', import.meta.url)),
  };
}
