import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { mergeScenario } from "../scenario/merge-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import {
  leverHeading,
  leverReadout,
  leverSpecs,
  niceStep,
  readerReason,
  rowSlider,
  scenarioFromLevers,
} from "./levers.ts";

let dataset: Dataset;
beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
});

describe("levers", () => {
  it("rowSlider: one CRC's slider runs over its own data row's range (a shortfall from −0.5), not 0 to 0.9", () => {
    const row = (id: string, crc: string) =>
      dataset.parameters.find((p) => p.id === id && p.crc === crc)!;
    const wales = row("volume.shortfall.2017-18", "wales");
    const slider = rowSlider(wales, "Shortfall");
    expect([slider.min, slider.max]).toEqual([Number(wales.values.min), Number(wales.values.max)]);
    expect([slider.min, slider.max]).toEqual([-0.5, 0.9]);
    expect(slider.value).toBe(Number(wales.defaultValue));
    expect(slider.step).toBe(niceStep(-0.5, 0.9, "share"));
    expect(slider.heading).toBe("Shortfall (share, \u22120.5 to 0.9)");
    // Every CRC's row of every given year: the slider allows exactly what a scenario may set.
    for (const p of dataset.parameters.filter(
      (r) => /^volume\.shortfall\.\d/.test(r.id) && r.crc,
    )) {
      const s = rowSlider(p, "Shortfall");
      expect([s.min, s.max], `${p.id} ${p.crc}`).toEqual([
        Number(p.values.min),
        Number(p.values.max),
      ]);
      expect(s.min <= s.value && s.value <= s.max, `${p.id} ${p.crc}`).toBe(true);
    }
  });

  it("niceStep picks round steps of about 1/100 of the range", () => {
    expect(niceStep(0, 1, "share")).toBe(0.01);
    expect(niceStep(15000, 80000, "GBP_per_year")).toBe(1000);
    expect(niceStep(0, 36, "months")).toBe(1);
    expect(niceStep(-10, 10, "points")).toBeCloseTo(0.2);
  });

  it("every lever carries its unit, range, status and a source or a reason", () => {
    const specs = leverSpecs(dataset);
    expect(specs.length).toBeGreaterThan(20);
    for (const s of specs) {
      expect(s.unit, s.id).not.toBe("");
      expect(["sourced", "derived", "assumed", "fitted"], s.id).toContain(s.status);
      expect(s.source !== "" || s.reason !== "", `${s.id} has a source or a reason`).toBe(true);
      if (s.kind === "number") {
        expect(Number(s.min)).toBeLessThanOrEqual(Number(s.value));
        expect(Number(s.value)).toBeLessThanOrEqual(Number(s.max));
      } else {
        expect(s.months).toContain(s.value);
      }
    }
  });

  it("the shortfall by year is an optional lever, off by default", () => {
    const s = leverSpecs(dataset).find((l) => l.id === "volume.shortfall.2017-18");
    expect(s).toMatchObject({ optional: true, enabled: false });
  });

  it("starts from the base scenario's own overrides", () => {
    const { merged } = mergeScenario(
      { schemaVersion: 1, extends: "volumes-as-they-fell" },
      PRESETS,
    );
    const scale = leverSpecs(dataset, merged).find((l) => l.id === "variation.scale");
    expect(scale?.value).toBe(0);
  });

  it("adds only the levers moved away from the base, and the result validates", () => {
    const base = { schemaVersion: 1 as const, extends: "the-2017-variation" };
    const { merged } = mergeScenario(base, PRESETS);
    const specs = leverSpecs(dataset, merged);
    const values = Object.fromEntries(specs.map((s) => [s.id, s.enabled ? s.value : null]));
    expect(scenarioFromLevers(base, specs, values)).toEqual(base);
    const moved = scenarioFromLevers(base, specs, {
      ...values,
      "ffs.toleranceBand": 0.1,
      "volume.shortfall.2017-18": 0.3,
    });
    expect(moved).toEqual({
      ...base,
      parameters: { "ffs.toleranceBand": 0.1, "volume.shortfall.2017-18": 0.3 },
    });
    expect(validateScenario(moved, dataset).ok).toBe(true);
  });

  it("switching an optional lever off removes its national value but keeps refinements", () => {
    const base = {
      schemaVersion: 1 as const,
      parameters: { "volume.shortfall.2017-18": { value: 0.3, byCrc: { london: 0.2 } } },
    };
    const specs = leverSpecs(dataset, mergeScenario(base, PRESETS).merged);
    expect(scenarioFromLevers(base, specs, { "volume.shortfall.2017-18": null })).toEqual({
      schemaVersion: 1,
      parameters: { "volume.shortfall.2017-18": { byCrc: { london: 0.2 } } },
    });
  });
});

describe("withCrcOverrides", () => {
  it("adds byCrc entries that win over the national value, and the result validates", async () => {
    const { withCrcOverrides } = await import("./levers.ts");
    const base = {
      schemaVersion: 1 as const,
      extends: "the-2017-variation",
      parameters: { "volume.shortfall.2017-18": 0.3 },
    };
    const out = withCrcOverrides(base, [
      { id: "volume.shortfall.2017-18", crc: "wales", value: 0.45 },
      { id: "volume.shortfall.2015-16", crc: "london", value: 0.1 },
    ]);
    expect(out.parameters).toEqual({
      "volume.shortfall.2017-18": { value: 0.3, byCrc: { wales: 0.45 } },
      "volume.shortfall.2015-16": { byCrc: { london: 0.1 } },
    });
    expect(validateScenario(out, dataset).ok).toBe(true);
    expect(withCrcOverrides(base, [])).toBe(base);
  });
});

describe("lever labels and reasons a reader can follow (issue #16)", () => {
  it("says the real range and the unit once", () => {
    expect(leverHeading("Volume shortfall 2015-16", "share", -0.5, 0.9)).toBe(
      "Volume shortfall 2015-16 (share, \u22120.5 to 0.9)",
    );
    expect(leverHeading("Binary reoffending reduction (points)", "points", -10, 10)).toBe(
      "Binary reoffending reduction (percentage points, \u221210 to 10)",
    );
    expect(leverHeading("Average service of leavers (years)", "years", 0, 40)).toBe(
      "Average service of leavers (years, 0 to 40)",
    );
    expect(leverHeading("Paid above contract in 2016-17", "GBP", 0, 100000000)).toBe(
      "Paid above contract in 2016-17 (£0 to £100,000,000)",
    );
    expect(leverHeading("Contract end month", "date_month", "2015-02", "2022-03")).toBe(
      "Contract end month (February 2015 to March 2022)",
    );
    for (const s of leverSpecs(dataset)) {
      expect(s.heading, s.id).not.toMatch(/\((\w+|%)\) \(|0–1|\d{6,}/);
    }
  });

  it("shows money as £, shares as per cents beside the number box", () => {
    expect(leverReadout("GBP", 42000000)).toBe("£42,000,000");
    expect(leverReadout("share", 0.2)).toBe("20%");
  });

  it("gives reasons without code paths or file lines", () => {
    for (const s of leverSpecs(dataset))
      expect(s.readerReason, s.id).not.toMatch(/src\/|scripts\/|\.ts\b|csv line|npm run/);
    expect(readerReason("derived (data/parameters.csv line 10)")).toBe(
      "derived (the Sources page)",
    );
  });

  it("reads pounds as the data writes them: with separators, none bare (review of issue #16)", () => {
    for (const row of dataset.parameters)
      expect([row.id, row.reason]).not.toEqual([
        row.id,
        expect.stringMatching(/£\d{4,}(?![\d,.])/),
      ]);
    expect(readerReason("£1,000 and £999")).toBe("£1,000 and £999");
  });
});
