import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { PARAMETER_GROUPS } from "../data/index.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { chartSources } from "./chart-sources.ts";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await testDataset();
});

const param = (id: string, group: string, status: string, sourceId: string) =>
  ({ id, group, status, sourceId }) as Dataset["parameters"][number];
const source = (id: string, publisher: string, date: string, citation = "") =>
  ({ id, publisher, date, citation, title: "T" }) as Dataset["sources"][number];

describe("chartSources", () => {
  it("ranks sources by how many distinct inputs cite them, counting per-CRC rows once", () => {
    const got = chartSources(
      {
        sources: [
          source("a", "NAO", "2017-12-19", "NAO, HC 676"),
          source("b", "PAC", "2016-09-16"),
        ],
        parameters: [
          param("x", "contract", "derived", "b"),
          param("x", "contract", "derived", "b"), // the same id for another CRC
          param("y", "contract", "sourced", "a"),
          param("z", "contract", "assumed", "a"),
          param("w", "staffing", "sourced", "b"), // another group: not behind this chart
          param("v", "contract", "assumed", ""),
        ],
      },
      ["contract"],
    );
    expect(got.listed).toEqual([
      { id: "a", label: "NAO (2017-12-19)", citation: "NAO, HC 676", inputs: 2 },
      { id: "b", label: "PAC (2016-09-16)", citation: "PAC, T, 2016-09-16", inputs: 1 },
    ]);
    expect(got).toMatchObject({ more: 0, inputs: 4, assumed: 2 });
  });

  it("lists at most `limit` and counts the rest", () => {
    const got = chartSources(dataset, PARAMETER_GROUPS, 3);
    expect(got.listed).toHaveLength(3);
    const all = chartSources(dataset, PARAMETER_GROUPS, 1000);
    expect(got.more).toBe(all.listed.length - 3);
    expect(got.listed).toEqual(all.listed.slice(0, 3));
    for (let i = 1; i < all.listed.length; i++)
      expect(all.listed[i - 1]!.inputs).toBeGreaterThanOrEqual(all.listed[i]!.inputs);
  });

  it("names every source the real data cites by publisher and date", () => {
    const known = new Set(dataset.sources.map((s) => s.id));
    const got = chartSources(dataset, PARAMETER_GROUPS, 1000);
    expect(got.listed.length).toBeGreaterThan(5);
    for (const s of got.listed) {
      expect(known.has(s.id)).toBe(true);
      expect(s.label).toMatch(/ \(\d{4}(-\d{2})?(-\d{2})?(-\d{4})?\)$/);
      expect(s.citation).not.toBe("");
    }
    expect(got.inputs).toBe(new Set(dataset.parameters.map((p) => p.id)).size);
  });
});
