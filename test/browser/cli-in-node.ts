import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";

/** One row of `crc-scenarios run` CSV, amounts as the CLI prints them. */
export interface CliRow {
  crc: string;
  owner: string;
  period: string;
  line: string;
  amount: string;
}

/**
 * What the command line prints for a scenario (the oracle for exported CSVs): runs the real CLI
 * in process, `run <scenario.json> --by <by>`, and parses its tidy CSV.
 */
export async function cliRun(scenario: unknown, by: "month" | "fy" | "total"): Promise<CliRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "crc-cli-"));
  try {
    const file = join(dir, "scenario.json");
    await writeFile(file, JSON.stringify(scenario));
    let stdout = "";
    let stderr = "";
    const code = await main(["run", file, "--by", by], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    if (code !== 0) throw new Error(`crc-scenarios run failed (${code}): ${stderr}`);
    const [header, ...lines] = stdout.trimEnd().split("\n");
    if (header !== "crc,owner,period,line,amount_pence") throw new Error(`CLI header: ${header}`);
    return lines.map((l) => {
      const [crc, owner, period, line, amount] = l.split(",") as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { crc, owner, period, line, amount };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The CLI's amount for one row, or a thrown error naming what is missing. */
export function cliAmount(rows: readonly CliRow[], where: Partial<Omit<CliRow, "amount">>): string {
  const found = rows.filter((r) =>
    Object.entries(where).every(([k, v]) => r[k as keyof CliRow] === v),
  );
  if (found.length !== 1)
    throw new Error(`CLI rows matching ${JSON.stringify(where)}: ${found.length}, expected 1`);
  return found[0]!.amount;
}
