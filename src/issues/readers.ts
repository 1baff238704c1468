import { isNot, isRecord, joinPath, quote, reservedKeyIssue } from "./describe-value.ts";
import { didYouMean, HINT_CELLS, type HintBudget } from "./did-you-mean.ts";
import type { Issue } from "./issue.ts";

/*
 * Field readers (Observable Plot's `keyword`/`maybe*` habit): each reads one field of a
 * document or request, returns the value when it is allowed, else undefined and one issue at
 * the field's path, worded one way everywhere (issue #13). They collect into `issues`, so a
 * reader is told every problem at once.
 */

/**
 * `value` if it is one of `allowed`, else `"pret" is not one of point, … (did you mean "pert"?)`.
 * A long list (the Sensitivity grid's 46 parameters) is cut by `listChoices`; the hint, from
 * every choice, names the likely one wherever it stands.
 */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  issues: Issue[],
  hints?: HintBudget,
): T | undefined {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const hint = typeof value === "string" ? didYouMean(value, allowed, hints) : "";
  issues.push({
    path,
    message: `${isNot(value, `one of ${listChoices(allowed)}`)}${hint}`,
  });
  return undefined;
}

/** Lists of at most this many choices are given whole in a message. */
export const LISTED_CHOICES_MAX = 15;
/** How many of a longer list's choices a message names, in the list's order, before the count of the rest. */
export const LISTED_CHOICES_FIRST = 10;

/**
 * The choices for a message: all of them, comma-separated, up to `LISTED_CHOICES_MAX`; else the
 * first `LISTED_CHOICES_FIRST` and `… and 36 more`, so that a message stays a line or two
 * (deterministic: the list's own order, never a sample).
 */
export function listChoices(allowed: readonly string[]): string {
  if (allowed.length <= LISTED_CHOICES_MAX) return allowed.join(", ");
  const rest = allowed.length - LISTED_CHOICES_FIRST;
  return `${allowed.slice(0, LISTED_CHOICES_FIRST).join(", ")}, … and ${rest} more`;
}

/** `value` if it is a whole number from `min` to `max`, else `2.5 is not a whole number from 1 to 10`. */
export function wholeIn(
  value: unknown,
  min: number,
  max: number,
  path: string,
  issues: Issue[],
): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)
    return value;
  issues.push({
    path,
    message: isNot(value, `a whole number from ${min} to ${max}`),
  });
  return undefined;
}

/**
 * `value` if it is a whole number JavaScript holds exactly (any sign), else `1.5 is not a whole
 * number` (or `what` says more: `a whole number of pence`).
 */
export function wholeNumber(
  value: unknown,
  path: string,
  issues: Issue[],
  what = "a whole number",
): number | undefined {
  if (Number.isSafeInteger(value)) return value as number;
  issues.push({ path, message: isNot(value, what) });
  return undefined;
}

/**
 * `value` if it is text that `pattern` matches, else `"0.3" is not a version major.minor.patch`
 * (`what` names the form, with an example where one helps).
 */
export function textMatching(
  value: unknown,
  pattern: RegExp,
  what: string,
  path: string,
  issues: Issue[],
): string | undefined {
  if (typeof value === "string" && pattern.test(value)) return value;
  issues.push({ path, message: isNot(value, what) });
  return undefined;
}

/**
 * `value` if it is a plain object (not null, not a list), else `null is not an object` (or
 * `what` says what it maps: `a map of preset ids to figures`).
 */
export function objectValue(
  value: unknown,
  path: string,
  issues: Issue[],
  what = "an object",
): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  issues.push({ path, message: isNot(value, what) });
  return undefined;
}

/** `value` if it is text, else `3 is not text` (or `what`: `the text of data/targets.csv`). */
export function textValue(
  value: unknown,
  path: string,
  issues: Issue[],
  what = "text",
): string | undefined {
  if (typeof value === "string") return value;
  issues.push({ path, message: isNot(value, what) });
  return undefined;
}

/** `value` if it is a list, else `an object is not a list` (or `what`: `a list of figures`). */
export function listValue(
  value: unknown,
  path: string,
  issues: Issue[],
  what = "a list",
): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  issues.push({ path, message: isNot(value, what) });
  return undefined;
}

/**
 * An issue for each key of `record` not in `allowed` (at `path.key`): a reserved name
 * (`__proto__`, …) as such, any other `unknown key "drwas" (did you mean "draws"?); allowed:
 * draws, seed`. The hints share one bounded budget of work (did-you-mean.ts), however many
 * keys a hostile document holds. Returns whether every key was known.
 */
export function knownKeys(
  record: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: Issue[],
  hints: HintBudget = { cells: HINT_CELLS },
): boolean {
  let known = true;
  for (const key of Object.keys(record)) {
    if (allowed.includes(key)) continue;
    known = false;
    const at = joinPath(path, key);
    issues.push(
      reservedKeyIssue(at, key) ?? {
        path: at,
        message: `unknown key ${quote(key)}${didYouMean(key, allowed, hints)}; allowed: ${allowed.join(", ")}`,
      },
    );
  }
  return known;
}

/*
 * Readers of text (an address's query, a command line): the value is text, so a refusal quotes
 * it as written (`"1e3" is not a whole number from 1 to 100000`).
 */

/** `raw` in plain digits as a whole number from `min` to `max`, else one issue at `path`. */
export function wholeText(
  raw: string,
  min: number,
  max: number,
  path: string,
  issues: Issue[],
): number | undefined {
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (n >= min && n <= max) return n;
  issues.push({
    path,
    message: isNot(raw, `a whole number from ${min} to ${max}`),
  });
  return undefined;
}

/** How a number is written where it is read, and what a refusal calls it. */
export interface NumberForm {
  readonly pattern: RegExp;
  readonly what: string;
}

/** An address's numbers: digits, a point and an exponent (as `String(number)` writes them); no sign, no hex. */
export const DECIMAL_TEXT: NumberForm = {
  pattern: /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i,
  what: "number",
};

/**
 * `raw` written in `form` as a number from `min` to `max`, else one issue at `path`:
 * `"0x1" is not a number from 0 to 1` (the command line's form: `… is not a plain decimal
 * number from 0 to 1`).
 */
export function numberText(
  raw: string,
  min: number,
  max: number,
  path: string,
  issues: Issue[],
  form: NumberForm = DECIMAL_TEXT,
): number | undefined {
  const n = form.pattern.test(raw) ? Number(raw) : Number.NaN;
  if (n >= min && n <= max) return n;
  issues.push({
    path,
    message: isNot(raw, `a ${form.what} from ${min} to ${max}`),
  });
  return undefined;
}

/** `raw` as a month `YYYY-MM` (2000–2099), else one issue at `path`. */
export function monthText(raw: string, path: string, issues: Issue[]): string | undefined {
  if (/^20\d\d-(0[1-9]|1[0-2])$/.test(raw)) return raw;
  issues.push({ path, message: isNot(raw, "a month YYYY-MM (e.g. 2016-09)") });
  return undefined;
}
