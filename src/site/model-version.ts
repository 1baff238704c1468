// A named import, so esbuild bundles only the version string, not the whole package.json.
import { version } from "../../package.json";

/**
 * The model's version (package.json "version"), fixed when the site is bundled: every export
 * names it, so a figure can be rebuilt with the same rules and data.
 */
export const MODEL_VERSION: string = version;
