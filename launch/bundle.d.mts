// Types of bundle.mjs for the TypeScript that uses it (the benchmarks, the tests).
export declare const REPO_ROOT: string;
export declare const BOT_ENTRIES: Record<'main' | 'sharded' | 'worker', string>;
export interface BundleOptions {
  name: string;
  entries: Record<string, string>;
  root?: string;
  cacheDir?: string;
  /** Packages bundled in with what they import (Node's own modules and optional add-ons aside). */
  packages?: string[];
}
export declare const BOT_BUNDLE: BundleOptions & { entries: typeof BOT_ENTRIES };
export declare function bundle(options: BundleOptions): Promise<{ dir: string; built: boolean; note?: string }>;
export declare function runBundled(entry: keyof typeof BOT_ENTRIES): Promise<void>;
