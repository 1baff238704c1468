import { describe, expect, it } from "vitest";
import { viewQuery } from "./view-query.ts";
import { linkVersionFromSearch, withModelVersion } from "./link-version.ts";
import { decodeScenarioQuery, encodeScenarioQuery } from "./url-state.ts";

describe("withModelVersion and linkVersionFromSearch", () => {
  it("appends _mv last, keeping the rest byte for byte, and never twice", () => {
    const q = "v=1&extends=pbr-high&volume.shortfall.2017-18(crc.london)=0.3&title=A%20b";
    expect(withModelVersion(q, "0.2.0")).toBe(`${q}&_mv=0.2.0`);
    expect(withModelVersion(`?${q}`, "0.2.0")).toBe(`?${q}&_mv=0.2.0`);
    expect(withModelVersion(`?_mv=0.1.0&${q}&_mv=x`, "0.2.0")).toBe(`?${q}&_mv=0.2.0`);
    expect(withModelVersion("", "0.2.0")).toBe("_mv=0.2.0");
    expect(withModelVersion("?", "0.2.0")).toBe("?_mv=0.2.0");
    expect(withModelVersion("_mvx=1", "0.2.0")).toBe("_mvx=1&_mv=0.2.0");
  });

  it("leaves the scenario unchanged: decoding ignores _mv", () => {
    const scenario = {
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "ffs.toleranceBand": 0.02 },
    } as const;
    const query = withModelVersion(
      viewQuery(encodeScenarioQuery(scenario), { explain: "ALL.profit.total" }),
      "0.2.0",
    );
    expect(query).toBe(
      "v=1&extends=the-2017-variation&ffs.toleranceBand=0.02&_explain=ALL.profit.total&_mv=0.2.0",
    );
    expect(decodeScenarioQuery(query)).toEqual({ ok: true, value: scenario });
    expect(linkVersionFromSearch(`?${query}`)).toBe("0.2.0");
  });

  it("reads _mv: absent → null, repeated → not a version", () => {
    expect(linkVersionFromSearch("?v=1&extends=x")).toBeNull();
    expect(linkVersionFromSearch("")).toBeNull();
    expect(linkVersionFromSearch("_mv=")).toBe("");
    expect(linkVersionFromSearch("?_mv=0.1.0&_mv=0.2.0")).toBe("0.1.0,0.2.0");
    expect(linkVersionFromSearch("?_mv=0.1.0%2Bbuild")).toBe("0.1.0+build");
  });
});
