import fc from "fast-check";
import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { findBreakEven } from "../sensitivity/break-even.ts";
import { runGrid } from "../sensitivity/grid.ts";
import { runTornado } from "../sensitivity/tornado.ts";
import {
  DEFAULT_SENSITIVITY_VIEW,
  outputRequest,
  sensitivityContext,
  sensitivityViewFromSearch,
  sensitivityViewKeys,
  type SensitivityView,
} from "../state/sensitivity-view.ts";
import {
  TORNADO_TOP,
  breakEvenCells,
  breakEvenRows,
  breakEvenTable,
  formatPence,
  formatValue,
  gridCells,
  knobChoices,
  outputChoices,
  outputName,
  tornadoBars,
  tornadoTable,
} from "./sensitivity.ts";

const dataset = await testDataset();
const context = sensitivityContext(dataset);
const resolved = (() => {
  const r = validateScenario({ schemaVersion: 1, extends: "no-variation" }, dataset);
  if (!r.ok) throw new Error("no-variation does not validate");
  return r.value;
})();

const query = (view: SensitivityView) =>
  `?v=1&extends=no-variation&${new URLSearchParams(
    Object.entries(sensitivityViewKeys(view)).map(([k, v]) => [`_${k}`, v]),
  ).toString()}`;

describe("Sensitivity view state in the address", () => {
  it("round-trips any allowed view", () => {
    const outputs = outputChoices(dataset).map((c) => c.value);
    fc.assert(
      fc.property(
        fc.constantFrom(...outputs),
        fc.constantFrom(...MONEY_LINES),
        fc.constantFrom("contract", ...FINANCIAL_YEARS),
        fc.uniqueArray(fc.constantFrom(...context.knobIds), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 2, max: 50 }),
        fc.constantFrom("shortfall", "fixedShare", "variationScale" as const),
        (output, anyLine, period, [gx, gy], steps, lever) => {
          const line = output === "moj" ? "income_total" : anyLine;
          const view: SensitivityView = { output, line, period, gx: gx!, gy: gy!, steps, lever };
          const read = sensitivityViewFromSearch(query(view), context);
          expect(read.warnings).toEqual([]);
          expect(read.value).toEqual(view);
        },
      ),
    );
  });

  it("names every bad value with what is allowed and keeps the default", () => {
    const read = sensitivityViewFromSearch(
      "?_output=crc:londn&_line=proft&_period=2030-31&_gx=ffs.fixedshare&_gy=nope&_steps=51&_lever=staff",
      context,
    );
    expect(read.value).toEqual(DEFAULT_SENSITIVITY_VIEW);
    expect(read.warnings.map((w) => w.path)).toEqual([
      "_output",
      "_line",
      "_period",
      "_gx",
      "_gy",
      "_steps",
      "_lever",
    ]);
    expect(read.warnings.map(formatIssue)[0]).toMatch(
      /^_output: unknown crc "londn" \(did you mean "london"\?\)/,
    );
    expect(read.warnings.map(formatIssue)[1]).toMatch(
      /^_line: "proft" is not a money line \(did you mean "profit"/,
    );
    expect(read.warnings.map(formatIssue)[2]).toBe(
      '_period: "2030-31" is not a period; use contract or a financial year 2014-15 to 2021-22',
    );
    expect(read.warnings.map(formatIssue)[3]).toMatch(
      /^_gx: "ffs.fixedshare" is not one of volume.shortfall.shift, .* \(did you mean "ffs.fixedShare"\?\)$/,
    );
    expect(read.warnings.map(formatIssue)[4]).toMatch(
      /^_gy: "nope" is not one of volume.shortfall.shift, /,
    );
    expect(read.warnings.map(formatIssue)[5]).toBe(
      '_steps: "51" is not a whole number from 2 to 50',
    );
    expect(read.warnings.map(formatIssue)[6]).toBe(
      '_lever: "staff" is not one of shortfall, fixedShare, variationScale',
    );
    for (const steps of ["1", "1e1", "11.0", "-3", ""])
      expect(sensitivityViewFromSearch(`?_steps=${steps}`, context).warnings).toHaveLength(1);
  });

  it("refuses the same parameter on both axes, keeping the x axis", () => {
    const read = sensitivityViewFromSearch("?_gx=ffs.fixedShare&_gy=ffs.fixedShare", context);
    expect(read.value.gx).toBe("ffs.fixedShare");
    expect(read.value.gy).toBe("volume.shortfall.shift");
    expect(read.warnings.map(formatIssue)).toEqual([
      '_gy: "ffs.fixedShare" is also the grid\'s other axis; volume.shortfall.shift is used instead',
    ]);
  });

  it("keeps MoJ spend on income_total and names a line that contradicts it", () => {
    const ok = sensitivityViewFromSearch("?_output=moj", context);
    expect(ok.value.line).toBe("income_total");
    expect(outputRequest(ok.value)).toEqual({ output: "moj", period: "contract" });
    expect(sensitivityViewKeys(ok.value)).not.toHaveProperty("line");
    const bad = sensitivityViewFromSearch("?_output=moj&_line=profit", context);
    expect(bad.value.line).toBe("income_total");
    expect(bad.warnings.map(formatIssue)).toEqual([
      '_line: "moj" is MoJ spend (income_total); it cannot be combined with line profit',
    ]);
  });

  it("ignores the scenario's own keys", () => {
    expect(sensitivityViewFromSearch("?v=1&extends=pbr-high", context).warnings).toEqual([]);
  });

  it("offers every CRC and owner as an output, and every knob as an axis with a label", () => {
    const outputs = outputChoices(dataset);
    expect(outputs).toHaveLength(2 + dataset.crcs.length + dataset.owners.length);
    const knobs = knobChoices(dataset);
    expect(knobs.map((k) => k.value)).toEqual(context.knobIds);
    expect(knobs.find((k) => k.value === "ffs.fixedShare")!.label).toBe(
      "Fixed share of price as let (φ) (ffs.fixedShare)",
    );
  });
});

describe("Sensitivity tables", () => {
  it("draws the largest swings, both ends from the base, and tables every row", () => {
    const run = runTornado(resolved, dataset);
    if (!run.ok) throw new Error("tornado");
    const bars = tornadoBars(run.value);
    expect(bars).toHaveLength(2 * TORNADO_TOP);
    expect(bars[0]).toMatchObject({
      parameter: run.value.rows[0]!.parameter,
      end: "low",
      basePence: run.value.basePence,
      outputPence: run.value.rows[0]!.outputAtLowPence,
    });
    expect(bars[1]!.outputPence).toBe(run.value.rows[0]!.outputAtHighPence);
    expect(tornadoTable(run.value)).toHaveLength(run.value.rows.length);
  });

  it("tiles the grid: each cell holds its point and meets its neighbours", () => {
    const run = runGrid(resolved, dataset, {
      x: { id: "volume.shortfall.shift" },
      y: { id: "ffs.fixedShare" },
      steps: 5,
    });
    if (!run.ok) throw new Error("grid");
    const cells = gridCells(run.value);
    expect(cells).toHaveLength(25);
    for (const c of cells) {
      expect(c.x1).toBeLessThan(c.x);
      expect(c.x).toBeLessThan(c.x2);
      expect(c.y1).toBeLessThan(c.y);
      expect(c.y).toBeLessThan(c.y2);
    }
    // x-major: the next x's cell starts where this one ends
    expect(cells[5]!.x1).toBe(cells[0]!.x2);
    expect(cells[1]!.y1).toBe(cells[0]!.y2);
    expect(cells.map((c) => c.valuePence)).toEqual(run.value.rows.map((r) => r.valuePence));
  });

  it("flattens a found break-even and a none-within-range one with their checks", () => {
    const names = new Map(dataset.crcs.map((c) => [c.id, c.name]));
    const owners = new Map(dataset.owners.map((o) => [o.id, o.name]));
    const found = findBreakEven(resolved, dataset, { lever: "shortfall", crc: "northumbria" });
    if (!found.ok) throw new Error("break-even");
    const [row] = breakEvenRows(found.value, names, owners);
    const r = found.value.results[0]!;
    expect(row!.breakEven).toBe(r.value);
    expect(row!.lower).toEqual(r.below);
    const cells = breakEvenCells(row!, found.value.unit);
    expect(cells["break-even at"]).toBe(String(r.value));
    expect(cells.result).toBe("break-even");
    expect(cells["exact profit there"]).toBe(formatPence(r.exactProfitPence!));
    expect(cells.checked).toBe("✓ exact engine");

    const none = findBreakEven(resolved, dataset, { lever: "fixedShare", crc: "london" });
    if (!none.ok) throw new Error("break-even");
    const [flat] = breakEvenRows(none.value, names, owners);
    expect(flat!.breakEven).toBeNull();
    expect(flat!.lower).toEqual(none.value.results[0]!.atMin);
    const noneCells = breakEvenCells(flat!, none.value.unit);
    expect(noneCells.result).toBe("none within range");
    expect(noneCells["break-even at"]).toBe("");
    expect(noneCells["just below / at min"]).toBe(
      `${formatPence(flat!.lower.exactProfitPence)} at 0`,
    );
    const table = breakEvenTable([row!, flat!], "share");
    expect(table.rows[1]!["break-even at"]).toBeNull();
    expect(table.format.checked!(true)).toBe(cells.checked);
  });
});

describe("formats", () => {
  it("writes pence as pounds exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (pence) => {
        const text = formatPence(pence);
        const digits = text.replace(/[£,.]/g, "").replace("−", "-");
        expect(BigInt(digits)).toBe(BigInt(pence));
      }),
    );
    expect(formatPence(-790)).toBe("−£7.90");
    expect(formatPence(123456705)).toBe("£1,234,567.05");
  });

  it("writes values as the data does", () => {
    expect(formatValue(0.264610659, "share")).toBe("0.264610659");
    expect(formatValue(null, "share")).toBe("varies by year");
    expect(formatValue(32000, "GBP_per_year")).toBe("£32,000");
  });
});

describe("outputName (issue #16)", () => {
  const names = {
    crcs: new Map(dataset.crcs.map((c) => [c.id, c.name])),
    owners: new Map(dataset.owners.map((o) => [o.id, o.name])),
  };

  it("reads as a name, not as the engine's label", () => {
    expect(outputName({ output: "crc:wales", line: "profit", period: "contract" }, names)).toBe(
      "Wales CRC profit or loss, whole contract",
    );
    expect(outputName({ output: "moj", line: "income_total", period: "2017-18" }, names)).toBe(
      "MoJ spend, 2017-18",
    );
    expect(outputName(DEFAULT_SENSITIVITY_VIEW, names)).toBe(
      "National profit or loss (all 21 CRCs), whole contract",
    );
    expect(
      outputName({ output: "owner:working-links", line: "cost_total", period: "contract" }, names),
    ).toBe("Working Links CRCs' costs, whole contract");
  });
});

describe("tornadoTable and tornadoBars in units (issue #16)", () => {
  const t = runTornado(resolved, dataset);
  if (!t.ok) throw new Error("tornado");

  it("prints each end in its unit: money in £, shares in %, no raw pence or 0–1 shares", () => {
    const rows = tornadoTable(t.value);
    const cost = rows.find((r) => r.id === "staff.loadedCostPerFte")!;
    expect(cost.low).toMatch(/^£\d{2},\d{3}/);
    const fixed = rows.find((r) => r.id === "cost.fixedShare")!;
    expect([fixed.low, fixed.high]).toEqual(["70%", "85%"]);
    for (const bar of tornadoBars(t.value)) expect(bar.input).not.toMatch(/^\d{5,}/);
  });

  it("does not swing the CRCs' parts of the sourced £450m national price", () => {
    expect(t.value.rows.some((r) => r.parameter === "size.annualPrice")).toBe(false);
  });
});
