import { rollUp, type TidyRow } from "../../src/engine/roll-up.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
import { dataset } from "./project-in-node.ts";

/** Contract-life roll-up rows the engine computes in Node for a scenario (the oracle). */
export async function totalsFor(scenario: unknown): Promise<TidyRow[]> {
  const projected = projectScenario(scenario, await dataset());
  if (!projected.ok) throw new Error(`scenario fails: ${JSON.stringify(projected.issues)}`);
  return rollUp(projected.value.ledger, "total");
}

/** One line's contract-life total for a CRC (`{crc}`), an owner (`{owner}`) or the nation ({}). */
export async function lineTotal(
  scenario: unknown,
  who: { crc?: string; owner?: string },
  line: string,
): Promise<number> {
  const rows = await totalsFor(scenario);
  const row = rows.find(
    (r) =>
      r.line === line &&
      (who.crc !== undefined
        ? r.crc === who.crc
        : r.crc === "ALL" && r.owner === (who.owner ?? "ALL")),
  );
  if (!row) throw new Error(`no ${line} row for ${JSON.stringify(who)}`);
  return row.amount;
}
