import type { Issue } from "./issue.ts";

/** At most this many characters of a user's text are echoed in a message or a path. */
export const ECHO_MAX = 80;

/**
 * A user's text cut for echoing (a hostile file can hold a key of 300,000 characters): at most
 * `ECHO_MAX` characters, the cut marked with "…" and the full length.
 */
export function clip(text: string, max = ECHO_MAX): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…(${text.length} characters)`;
}

/** A user's text quoted for a message (JSON string syntax), cut as `clip` does. */
export function quote(text: string): string {
  return text.length <= ECHO_MAX
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, ECHO_MAX))}…(${text.length} characters)`;
}

/**
 * A value as a message names it: `"text"` (cut to `ECHO_MAX` characters), `3`, `null`,
 * `nothing`, `a list`, `an object`. The one wording of every error (issue #13).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * The one phrasing of a refused value, the value first: `null is not an object`, `3 is not
 * text`, `"x" is not a whole number from 1 to 10` (`what` says what was wanted). Every reader
 * and every hand-written refusal words it so (issue #13).
 */
export function isNot(value: unknown, what: string): string {
  return `${describeValue(value)} is not ${what}`;
}

/** A plain object (not null, not a list): the shape of a document, a request and their parts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `path.key` (or `key` at the top), the user's key cut as `clip` does; an empty key is shown as
 * `""`, so that every issue names a path (the top-level path "" is the document itself).
 */
export function joinPath(path: string, key: string): string {
  const shown = key === "" ? '""' : clip(key);
  return path === "" ? shown : `${path}.${shown}`;
}

/** `path[index]`: the one form of a list item in a path (`scenarios[1]`, `monthLines[0]`). */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/**
 * Names that would reach an object's prototype machinery if used as keys (`__proto__` is
 * dropped or, worse, replaces the prototype of a plain object built from the document): refused
 * by name wherever a document has keys of its own choosing.
 */
export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** An issue for a reserved key at `path` (the key's own path), or undefined if it is not one. */
export function reservedKeyIssue(path: string, key: string): Issue | undefined {
  if (!RESERVED_KEYS.includes(key)) return undefined;
  return {
    path,
    message: `"${key}" is not allowed as a key: ${RESERVED_KEYS.map((k) => `"${k}"`).join(", ")} are reserved names`,
  };
}
