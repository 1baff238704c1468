import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { indexPath, joinPath } from "../issues/describe-value.ts";
import { failure, formatIssue, type Issue, type Result } from "../issues/issue.ts";
import { listValue, objectValue, textMatching, wholeNumber } from "../issues/readers.ts";
import type { VersionRecord } from "./record.ts";

export const RECORDS_DIR = "data/model-versions";

const VERSION = /^\d+\.\d+\.\d+$/;

/** Compare "a.b.c" versions numerically. */
export function compareVersionIds(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/**
 * Check a record's shape; every problem is an issue at its field in the file
 * (`data/model-versions/0.2.0.json [presets.p.crcs.a]`, the file alone when the problem is the
 * whole of it), read with the issues kit's readers (issue #13). A record is data a script wrote,
 * but a hand edit or a bad merge must not give a silently wrong comparison.
 */
export function parseVersionRecord(text: string, file: string): Result<VersionRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return failure(file, `not JSON (${(e as Error).message})`);
  }
  const issues: Issue[] = [];
  const r = objectValue(value, file, issues);
  if (r === undefined) return { ok: false, issues };
  const at = (field: string) => `${file} [${field}]`;
  textMatching(r.version, VERSION, 'a version "major.minor.patch"', at("version"), issues);
  textMatching(r.date, /^\d{4}-\d{2}-\d{2}$/, "a day YYYY-MM-DD", at("date"), issues);
  textMatching(r.reason, /\S/, "a reason (text, not blank)", at("reason"), issues);
  objectValue(r.goldens, at("goldens"), issues, "a map of preset ids to SHA-256 hashes");
  const presets = objectValue(r.presets, at("presets"), issues, "a map of preset ids to figures");
  for (const [id, p] of Object.entries(presets ?? {})) {
    const path = joinPath("presets", id);
    const figures = objectValue(p, at(path), issues);
    if (figures === undefined) continue;
    checkHeadline(figures, path, at, issues);
    wholeNumber(figures.pbrPence, at(`${path}.pbrPence`), issues);
    // The site reads each CRC's and owner's profit (the versions page, its CRC count).
    checkPenceMap(figures.crcs, `${path}.crcs`, at, issues);
    checkPenceMap(figures.owners, `${path}.owners`, at, issues);
  }
  listValue(r.random, at("random"), issues)?.forEach((h, i) => {
    const figures = objectValue(h, at(indexPath("random", i)), issues);
    if (figures !== undefined) checkHeadline(figures, indexPath("random", i), at, issues);
  });
  if (typeof r.version === "string" && !file.endsWith(`${r.version}.json`))
    issues.push({ path: file, message: `the file name must be the version (${r.version}.json)` });
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: r as unknown as VersionRecord };
}

/** The three headline figures, each a whole number. */
function checkHeadline(
  figures: Record<string, unknown>,
  path: string,
  at: (field: string) => string,
  issues: Issue[],
): void {
  for (const key of ["mojSpendPence", "crcProfitPence", "lossMakingCrcs"])
    wholeNumber(figures[key], at(`${path}.${key}`), issues);
}

/** An object of whole pence by id. */
function checkPenceMap(
  value: unknown,
  path: string,
  at: (field: string) => string,
  issues: Issue[],
): void {
  const map = objectValue(value, at(path), issues, "a map of ids to whole pence");
  for (const [k, v] of Object.entries(map ?? {}))
    wholeNumber(v, at(joinPath(path, k)), issues, "a whole number of pence");
}

/** Every record in data/model-versions, oldest first (Node only). A bad file is an error. */
export async function loadVersionRecords(dir = RECORDS_DIR): Promise<VersionRecord[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const records: VersionRecord[] = [];
  const problems: Issue[] = [];
  for (const file of files) {
    const parsed = parseVersionRecord(await readFile(join(dir, file), "utf8"), join(dir, file));
    if (parsed.ok) records.push(parsed.value);
    else problems.push(...parsed.issues);
  }
  if (problems.length) throw new Error(problems.map(formatIssue).join("\n"));
  return records.sort((a, b) => compareVersionIds(a.version, b.version));
}
