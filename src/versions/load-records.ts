import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isRecord } from "../issues/describe-value.ts";
import { failure, formatIssue, type Issue, type Result } from "../issues/issue.ts";
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
 * Check a record's shape; every problem is an issue at the file (`path`), naming the field. A
 * record is data a script wrote, but a hand edit or a bad merge must not give a silently wrong
 * comparison.
 */
export function parseVersionRecord(text: string, file: string): Result<VersionRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return failure(file, `not JSON (${(e as Error).message})`);
  }
  if (!isRecord(value)) return failure(file, "expected an object");
  const r = value as Partial<VersionRecord> & Record<string, unknown>;
  const problems: string[] = [];
  if (typeof r.version !== "string" || !VERSION.test(r.version))
    problems.push('version must be "major.minor.patch"');
  if (typeof r.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(r.date))
    problems.push("date must be YYYY-MM-DD");
  if (typeof r.reason !== "string" || r.reason.trim() === "") problems.push("reason is required");
  if (!isRecord(r.goldens)) problems.push("goldens must map presets to SHA-256 hashes");
  if (!isRecord(r.presets)) problems.push("presets must map preset ids to figures");
  else {
    for (const [id, p] of Object.entries(r.presets)) {
      const at = `presets.${id}`;
      if (!isRecord(p)) {
        problems.push(`${at} must be an object`);
        continue;
      }
      checkHeadline(p, at, problems);
      if (!Number.isSafeInteger(p.pbrPence)) problems.push(`${at}.pbrPence must be a whole number`);
      // The site reads each CRC's and owner's profit (the versions page, its CRC count).
      checkPenceMap(p.crcs, `${at}.crcs`, problems);
      checkPenceMap(p.owners, `${at}.owners`, problems);
    }
  }
  if (!Array.isArray(r.random)) problems.push("random must be a list");
  else
    r.random.forEach((h: unknown, i) => {
      if (isRecord(h)) checkHeadline(h, `random[${i}]`, problems);
      else problems.push(`random[${i}] must be an object`);
    });
  if (typeof r.version === "string" && !file.endsWith(`${r.version}.json`))
    problems.push(`the file name must be the version (${r.version}.json)`);
  return problems.length > 0
    ? { ok: false, issues: problems.map((message) => ({ path: file, message })) }
    : { ok: true, value: r as VersionRecord };
}

/** The three headline figures, each a whole number. */
function checkHeadline(figures: Record<string, unknown>, at: string, problems: string[]): void {
  for (const key of ["mojSpendPence", "crcProfitPence", "lossMakingCrcs"])
    if (!Number.isSafeInteger(figures[key])) problems.push(`${at}.${key} must be a whole number`);
}

/** An object of whole pence by id. */
function checkPenceMap(value: unknown, at: string, problems: string[]): void {
  if (!isRecord(value)) problems.push(`${at} must map ids to whole pence`);
  else
    for (const [k, v] of Object.entries(value))
      if (!Number.isSafeInteger(v)) problems.push(`${at}.${k} must be a whole number of pence`);
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
