/** Types of test/build-bundles.mjs (plain JS: `npm test`'s runner reads it too). */
export declare const REPO: string;
export declare const BUNDLE_ENV: string;
export declare const FROM_SOURCES: string;
export declare function buildTestBundles(): Promise<{ dir: string; remove(): void }>;
export declare function setupTestBundles(): Promise<(() => void) | undefined>;
