/** Types of build-support.mjs, which is plain JavaScript so that `npm start` needs no TypeScript runner. */
export declare const root: string;
export declare const distDir: string;
export declare const sharedAssetsDir: string;
export declare function sourceFingerprint(): string;
export declare function buildDirOf(fingerprint: string): string;
export interface BuildStamp {
  fingerprint: string;
  builtAt: string;
}
export declare function readCurrentBuild(): (BuildStamp & { dir: string }) | undefined;
export declare function writeAtomically(file: string, content: string): void;
export declare function markCurrent(build: BuildStamp): void;
export declare function withBuildLock<T>(
  work: () => Promise<T>,
  options?: { onWait?: () => void; lockDir?: string },
): Promise<T>;
export declare function shareAssets(buildDir: string, sharedAssetsDir: string): void;
export declare function pruneEarlierBuilds(options: {
  distDir: string;
  sharedAssetsDir: string;
  currentDir: string;
  keep: number;
}): void;
