/**
 * Links carry the model version they were made with (issue #18): the view key `_mv` (view keys
 * start with "_" and are ignored by scenario decoding). A page opened from a link made with
 * another version says so, with the link's headline figures then and now when the record holds
 * them (presets only), and links to the comparison on /versions.
 */
export const MODEL_VERSION_KEY = "_mv";

/**
 * The query with `_mv=<version>` as its last key (any `_mv` already there is dropped, so the
 * address never holds two: a repeated key makes the scenario's address invalid). The rest of the
 * query is kept byte for byte; a leading "?" is kept.
 */
export function withModelVersion(query: string, version: string): string {
  const mark = query.startsWith("?") ? "?" : "";
  const parts = (mark ? query.slice(1) : query)
    .split("&")
    .filter((p) => p !== "" && p !== MODEL_VERSION_KEY && !p.startsWith(`${MODEL_VERSION_KEY}=`));
  return mark + [...parts, `${MODEL_VERSION_KEY}=${encodeURIComponent(version)}`].join("&");
}

/**
 * The `_mv` value of an address, or null when it has none. Given twice, the values are joined
 * with "," (which is not a version number, so the note says so rather than picking one).
 */
export function linkVersionFromSearch(search: string): string | null {
  const values = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).getAll(
    MODEL_VERSION_KEY,
  );
  return values.length === 0 ? null : values.join(",");
}
