import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { FEE_FOR_SERVICE_RULE } from "../engine/fee-for-service.ts";
import { GUARANTEE_RULE } from "../engine/guarantee.ts";
import { ICT_COMPENSATION_RULE } from "../engine/ict-compensation.ts";
import { NON_STAFF_COST_RULE } from "../engine/non-staff-cost.ts";
import { PBR_RULE } from "../engine/pbr.ts";
import { REDUNDANCY_RULE } from "../engine/redundancy.ts";
import { SERVICE_CREDITS_RULE } from "../engine/service-credits.ts";
import { STAFF_COST_RULE } from "../engine/staff-cost.ts";
import { FTE_RULE } from "../engine/staffing.ts";
import { TERMINATION_RULE } from "../engine/termination.ts";
import { VARIATION_PAYMENT_RULE, VARIATION_RULE } from "../engine/variation.ts";
import { CASELOAD_RULE, WORKLOAD_RULE } from "../engine/workload.ts";
import { explainFigure, type FigureNode } from "../explain/explain-figure.ts";
import { formatFigureTree } from "../explain/format-tree.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { resolveFigure } from "../explain/figure-ref.ts";
import { METRICS } from "./compare.ts";
import {
  compareMetricFigure,
  explanationText,
  figureTitle,
  graft,
  headingAnchor,
  inputSource,
  inputStatus,
  inputValueText,
  methodologySection,
  nodeAt,
  partLabel,
} from "./explanation.ts";

let dataset: Dataset;
beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
});

function explain(ref: { crc: string; line: string; period: string }, depth?: number) {
  const projected = projectScenario({ schemaVersion: 1, extends: "the-2017-variation" }, dataset);
  if (!projected.ok) throw new Error("projection failed");
  const tree = explainFigure(projected.value.scenario, projected.value.ledger, ref, { depth });
  if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
  return tree.value;
}

describe("figure names", () => {
  it("names the nation, owners, CRCs, lines and periods in words", () => {
    expect(figureTitle({ crc: "wales", line: "profit", period: "2017-18" }, dataset)).toBe(
      "Wales: profit or loss, 2017-18",
    );
    expect(figureTitle({ crc: "ALL", line: "income_total", period: "total" }, dataset)).toBe(
      "All CRCs: income, over the contract",
    );
    expect(figureTitle({ crc: "sodexo", line: "pbr", period: "2017-09" }, dataset)).toMatch(
      /^Sodexo.* \(all its CRCs\): payment by results, Sep 2017$/,
    );
  });

  it("labels each part by how its parent was broken down", () => {
    const tree = explain({ crc: "working-links", line: "profit", period: "total" }, 3);
    const income = tree.parts[0]!;
    expect(partLabel(income, tree.step, dataset)).toBe("income");
    const fee = income.parts[0]!;
    expect(partLabel(fee, income.step, dataset)).toBe("fee for service");
    expect(fee.parts.map((p) => partLabel(p, fee.step, dataset))).toEqual(
      ["bgsw", "ddc", "wales"].map((id) => dataset.crcs.find((c) => c.id === id)!.name),
    );
  });
});

describe("methodologySection", () => {
  const methodology = readFileSync("docs/methodology.md", "utf8");
  const rules = [
    FEE_FOR_SERVICE_RULE,
    GUARANTEE_RULE,
    ICT_COMPENSATION_RULE,
    NON_STAFF_COST_RULE,
    PBR_RULE,
    REDUNDANCY_RULE,
    SERVICE_CREDITS_RULE,
    STAFF_COST_RULE,
    FTE_RULE,
    TERMINATION_RULE,
    VARIATION_RULE,
    VARIATION_PAYMENT_RULE,
    CASELOAD_RULE,
    WORKLOAD_RULE,
  ];

  it("finds a heading of the Methodology page for every rule, total and roll-up", () => {
    const roots = [explain({ crc: "ALL", line: "profit", period: "total" }, 2)];
    const sections = [
      ...rules.map((r) => r.section),
      ...roots.flatMap(function walk(n: FigureNode): string[] {
        return [...(n.rule ? [n.rule.section] : []), ...n.parts.flatMap(walk)];
      }),
    ];
    for (const section of new Set(sections)) {
      const { heading, anchor } = methodologySection(section);
      expect([section, methodology.includes(`\n## ${heading}\n`)]).toEqual([section, true]);
      expect(anchor).toBe(headingAnchor(heading));
    }
  });

  it("makes anchors as Framework does (slugified headings)", () => {
    expect(headingAnchor("Money, rounding and signs")).toBe("money-rounding-and-signs");
    expect(headingAnchor("Income of a CRC in a month")).toBe("income-of-a-crc-in-a-month");
    expect(methodologySection("no such section")).toEqual({ heading: "Methodology", anchor: "" });
  });
});

describe("inputs", () => {
  it("gives each input of a cell its status, a readable value and its source", () => {
    const cell = explain({ crc: "wales", line: "fee_for_service", period: "2017-04" });
    expect(cell.step).toBe("rule");
    const byName = new Map(cell.inputs.map((i) => [i.name, i]));
    const unitOf = (id: string) => dataset.parameters.find((p) => p.id === id)?.unit;
    const citationOf = (id: string) => dataset.sources.find((s) => s.id === id)?.citation;
    const fixed = byName.get("fixedShare")!;
    expect(inputStatus(fixed)).toBe("sourced");
    expect(inputValueText(fixed, unitOf)).toBe("20%");
    const cited = inputSource(fixed, citationOf).source;
    expect(cited).toContain(citationOf("nao-hc676-2017-12-19")!);
    const price = byName.get("annualPricePence")!;
    expect(inputValueText(price, unitOf)).toBe(
      `£${(Number(price.value) / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`,
    );
    expect(inputStatus(byName.get("shortfallShare")!)).toBe("derived");
    expect(inputStatus(byName.get("toleranceBand")!)).toBe("assumed");
    expect(inputSource(byName.get("upsideCap")!, citationOf).reason).toMatch(/No published value/);
  });

  it("marks intermediates as computed and rounds long decimals visibly", () => {
    const cell = explain({ crc: "ddc", line: "staff_cost", period: "2017-04" });
    const fte = cell.inputs.find((i) => i.name === "fte")!;
    expect(inputStatus(fte)).toBe("computed");
    // 258 − (258 − 129) × 26/28 = 138.2142857…
    expect(inputValueText(fte, () => undefined)).toBe("≈ 138.214");
    const scenarioSet = { name: "scale", value: "1", param: "variation.scale" };
    expect(
      inputStatus({ ...scenarioSet, source: { kind: "scenario", path: "parameters.x" } }),
    ).toBe("scenario");
    expect(
      inputValueText({ name: "start", value: "30", param: "variation.start" }, () => "date_month"),
    ).toBe("2017-08");
  });
});

describe("graft and the footnote text", () => {
  it("replaces a truncated part by its expansion, keeping its sign, so the text grows", () => {
    const ref = { crc: "wales", line: "profit", period: "2017-18" };
    const shallow = explain(ref, 1);
    const cost = nodeAt(shallow, [1])!;
    expect([cost.sign, cost.truncated]).toEqual([-1, true]);
    const grown = graft(shallow, [1], explain(cost.ref, 1));
    expect(nodeAt(grown, [1])!.sign).toBe(-1);
    expect(nodeAt(grown, [1])!.parts).toHaveLength(3);
    expect(nodeAt(grown, [0])).toBe(nodeAt(shallow, [0]));
    expect(formatFigureTree(grown)).toBe(
      formatFigureTree({ ...explain(ref, 2), parts: [shallow.parts[0]!, nodeAt(grown, [1])!] }),
    );
  });

  it("a graft anywhere leaves every level summing to its parent", () => {
    const root = explain({ crc: "ALL", line: "profit", period: "2016-17" }, 1);
    fc.assert(
      fc.property(fc.constantFrom(0, 1), (i) => {
        const grown = graft(root, [i], explain(root.parts[i]!.ref, 1));
        const part = nodeAt(grown, [i])!;
        expect(part.parts.reduce((s, p) => s + p.sign * p.amountPence, 0)).toBe(part.amountPence);
        expect(grown.parts.reduce((s, p) => s + p.sign * p.amountPence, 0)).toBe(grown.amountPence);
      }),
      { numRuns: 2 },
    );
  });

  it("writes the figure, the scenario, the tree and links for the parts not shown", () => {
    const root = explain({ crc: "wales", line: "profit", period: "total" }, 1);
    const text = explanationText(root, {
      title: "Wales: profit or loss, over the contract",
      scenario: "The 2017 variation",
      link: "https://example.org/crcs/wales?_explain=wales.profit.total",
      linkFor: (r) => `https://example.org/?_explain=${r.crc}.${r.line}.${r.period}`,
    });
    expect(text).toContain(
      formatFigureTree(root, {
        expandHint: (r) => `https://example.org/?_explain=${r.crc}.${r.line}.${r.period}`,
      }).trimEnd(),
    );
    expect(text.split("\n")[0]).toMatch(
      /^Wales: profit or loss, over the contract: −?£[\d,]+\.\d\d$/,
    );
    expect(text).toContain(
      "… parts not shown: https://example.org/?_explain=wales.income_total.total",
    );
    expect(text.trimEnd().endsWith("?_explain=wales.profit.total")).toBe(true);
  });
});

describe("compareMetricFigure", () => {
  it("maps every money metric of the Compare page to a figure, and the count to none", () => {
    for (const m of METRICS) {
      const ref = compareMetricFigure(m.metric);
      if (m.unit === "count") expect(ref).toBeNull();
      else expect(ref && resolveFigure(dataset.crcs, ref).ok).toBe(true);
    }
    expect(compareMetricFigure("moj_spend")).toEqual({
      crc: "ALL",
      line: "income_total",
      period: "total",
    });
  });
});
