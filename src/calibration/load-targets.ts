import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { formatIssue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { parseTargets, type Target } from "./targets.ts";

/** Read and check data/targets.csv (Node only); a bad file is an error naming every problem. */
export async function loadTargetsFromDisk(dataset: Dataset, dir = "data"): Promise<Target[]> {
  const { targets, issues } = parseTargets(
    await readFile(join(dir, "targets.csv"), "utf8"),
    dataset,
  );
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join("\n"));
  return targets;
}
