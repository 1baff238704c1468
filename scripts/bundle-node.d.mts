/** Types of scripts/bundle-node.mjs (plain JavaScript: the bin imports it without compiling). */
export declare const ENTRIES: Readonly<Record<string, string>>;
export declare function emitTypes(root: string): boolean;
export declare function bundleNode(root?: string): Promise<{
  hash: string;
  outputs: Record<string, string>;
  inputs: Record<string, [number, number]>;
}>;
