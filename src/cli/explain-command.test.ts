import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { periodMap, PERIODS } from "../engine/periods.ts";
import { rollUp } from "../engine/roll-up.ts";
import { formatPence } from "../explain/format-tree.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

const projected = projectScenario(
  { schemaVersion: 1, extends: "the-2017-variation" },
  await testDataset(),
);
if (!projected.ok) throw new Error("preset");
const ledger = projected.value.ledger;
const amount = (crc: string, owner: string, line: string, period: string) => {
  const by = PERIODS.find((p) => periodMap(p).labels.includes(period))!;
  return rollUp(ledger, by).find(
    (r) => r.crc === crc && r.owner === owner && r.line === line && r.period === period,
  )!.amount;
};

describe("crc-scenarios explain", () => {
  it("prints the tree for every money line, its root equal to the roll-up", async () => {
    for (const line of MONEY_LINES) {
      const { code, stdout, stderr } = await run([
        "explain",
        "the-2017-variation",
        "london",
        line,
        "2017-09",
        "--depth",
        "1",
      ]);
      expect([line, code, stderr]).toEqual([line, 0, ""]);
      const pence = amount("london", "mtc-novo", line, "2017-09");
      expect(stdout.split("\n")[0]).toMatch(
        new RegExp(`^london · ${line} · 2017-09: ${formatPence(pence).replace(/[£.]/g, "\\$&")}`),
      );
    }
  });

  it("prints every kind of period, for a CRC, an owner and the nation", async () => {
    const cases = [
      ["london", "mtc-novo", "2017-09"],
      ["london", "mtc-novo", "2017-18 Q2"],
      ["sodexo", "sodexo", "2017-18"],
      ["ALL", "ALL", "total"],
    ] as const;
    for (const [crc, owner, period] of cases) {
      const { code, stdout } = await run(["explain", "the-2017-variation", crc, "profit", period]);
      expect(code).toBe(0);
      const pence = amount(crc === owner ? "ALL" : crc, owner, "profit", period);
      expect(stdout.startsWith(`${crc} · profit · ${period}: ${formatPence(pence)}`)).toBe(true);
      expect(stdout).toContain("− cost_total");
    }
    const cell = await run([
      "explain",
      "the-2017-variation",
      "london",
      "fee_for_service",
      "2017-09",
    ]);
    expect(cell.stdout).toContain('{MODEL.md "Income of a CRC in a month" §1}');
    expect(cell.stdout).toMatch(/fixedShare = 0\.2 \[ffs\.fixedShare 2017-18\] — sourced: /);
  });

  it("names an unknown CRC, line and period, one per line on stderr, exit code 2", async () => {
    const { code, stdout, stderr } = await run([
      "explain",
      "the-2017-variation",
      "atlantis",
      "profits",
      "2017-13",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^crc-scenarios explain: crc: unknown CRC "atlantis"; CRCs: northumbria, /,
    );
    expect(lines[1]).toMatch(
      /^crc-scenarios explain: line: unknown line "profits" \(did you mean "profit"\?\); money lines: /,
    );
    expect(lines[2]).toMatch(
      /^crc-scenarios explain: period: unknown period "2017-13"; periods: months 2015-02 … 2022-03/,
    );
    const few = await run(["explain", "the-2017-variation", "london"]);
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/expected <scenario> <crc \| owner \| ALL> <line> <period>, got 2/);
    const bad = await run(["explain", "atlantis.json", "london", "profit", "total"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("crc-scenarios explain: cannot read atlantis.json: no such file\n");
  });
});
