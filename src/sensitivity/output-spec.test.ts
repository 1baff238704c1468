import { describe, expect, it } from "vitest";
import { projectExact } from "../engine/project-exact.ts";
import { ALL, rollUp } from "../engine/roll-up.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import {
  checkOutputSpec,
  describeOutput,
  NATIONAL_PROFIT,
  outputPence,
  parseOutputSpec,
  selectOutput,
} from "./output-spec.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
if (!resolved.ok) throw new Error("preset does not validate");
const { crcs } = resolved.value.inputs;
const ledger = projectExact(resolved.value.inputs);

describe("parseOutputSpec", () => {
  it("defaults to national contract-life profit", () => {
    const parsed = parseOutputSpec({}, crcs);
    expect(parsed.ok && parsed.value).toEqual(NATIONAL_PROFIT);
  });

  it("reads moj as national income_total, and crc:/owner: scopes with a line and a year", () => {
    const moj = parseOutputSpec({ output: "moj" }, crcs);
    expect(moj.ok && moj.value).toEqual({
      scope: { kind: "national" },
      line: "income_total",
      period: "contract",
    });
    const crc = parseOutputSpec({ output: "crc:london", line: "pbr", period: "2019-20" }, crcs);
    expect(crc.ok && crc.value).toEqual({
      scope: { kind: "crc", id: "london" },
      line: "pbr",
      period: "2019-20",
    });
    const owner = parseOutputSpec({ output: "owner:sodexo" }, crcs);
    expect(owner.ok && owner.value.scope).toEqual({ kind: "owner", id: "sodexo" });
  });

  it("names every bad field and what is allowed", () => {
    const parsed = parseOutputSpec({ output: "crc:londn", line: "proft", period: "2030-31" }, crcs);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual(["output", "line", "period"]);
    expect(parsed.issues[0]!.message).toContain('unknown crc "londn" (did you mean "london"?)');
    expect(parsed.issues[1]!.message).toContain('(did you mean "profit"?)');
    expect(parsed.issues[2]!.message).toContain("2014-15 to 2021-22");
    const shape = parseOutputSpec({ output: "everything" }, crcs);
    expect(!shape.ok && shape.issues[0]!.message).toContain(
      "national, moj, crc:<id> or owner:<id>",
    );
    const clash = parseOutputSpec({ output: "moj", line: "profit" }, crcs);
    expect(!clash.ok && clash.issues[0]!.path).toBe("line");
  });
});

describe("checkOutputSpec", () => {
  it("checks an output given as an object, as issues rather than throws", () => {
    expect(checkOutputSpec(NATIONAL_PROFIT, crcs).ok).toBe(true);
    const bad = checkOutputSpec(
      { scope: { kind: "owner", id: "acme" }, line: "profit", period: "contract" },
      crcs,
    );
    expect(!bad.ok && bad.issues[0]!.message).toMatch(/^unknown owner "acme"/);
    const shape = checkOutputSpec({ scope: { kind: "planet" } } as never, crcs);
    expect(!shape.ok && shape.issues[0]!.path).toBe("output");
  });
});

describe("outputPence", () => {
  const total = (crc: string, owner: string, line: string, period = "total") =>
    rollUp(ledger, period === "total" ? "total" : "fy").find(
      (r) => r.crc === crc && r.owner === owner && r.line === line && r.period === period,
    )!.amount;

  it("equals the roll-up's totals for the nation, an owner, a CRC and a year", () => {
    const value = (text: Parameters<typeof parseOutputSpec>[0]) => {
      const parsed = parseOutputSpec(text, crcs);
      if (!parsed.ok) throw new Error("bad spec");
      return outputPence(ledger, selectOutput(parsed.value, crcs));
    };
    expect(value({})).toBe(total(ALL, ALL, "profit"));
    expect(value({ output: "moj" })).toBe(total(ALL, ALL, "income_total"));
    expect(value({ output: "owner:sodexo", line: "cost_total" })).toBe(
      total(ALL, "sodexo", "cost_total"),
    );
    expect(value({ output: "crc:london", period: "2017-18" })).toBe(
      total("london", "mtc-novo", "profit", "2017-18"),
    );
  });

  it("describes an output in words", () => {
    expect(describeOutput(NATIONAL_PROFIT)).toBe("profit, national, contract life");
    expect(
      describeOutput({ scope: { kind: "national" }, line: "income_total", period: "2017-18" }),
    ).toBe("MoJ spend, national, 2017-18");
  });
});
