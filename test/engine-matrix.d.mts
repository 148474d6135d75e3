/** Types of test/engine-matrix.mjs (plain JS: `npm test`'s runner reads it too). */
export declare const BOTH_ENGINES: readonly string[];
export declare const ONE_ENGINE: Readonly<Record<string, string>>;
