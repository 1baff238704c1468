/** Types of bin/bundle-freshness.js (plain JavaScript: the bin runs it before any compiling). */
export declare const MANIFEST: string;
export declare function hashInputs(root: string, paths: readonly string[]): string;
export declare function checkBundle(
  root: string,
  entry: string,
): { fresh: true } | { fresh: false; reason: string };
