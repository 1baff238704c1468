import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HeadlineFigures } from "../versions/record.ts";
import type { ModelVersionsData, VersionSummary } from "./model-versions.ts";
import { versionNote, type VersionNoteInput } from "./version-note.ts";

const figures = (profitPence: number, losing: number): HeadlineFigures => ({
  mojSpendPence: 300_000_000_000,
  crcProfitPence: profitPence,
  lossMakingCrcs: losing,
});

const version = (v: string, presets: Record<string, HeadlineFigures>): VersionSummary => ({
  version: v,
  date: "2026-11-23",
  reason: `reason for ${v}`,
  crcCount: 21,
  presets,
});

// The figures of the-2017-variation in data/model-versions/0.1.0.json and 0.2.0.json.
const DATA: ModelVersionsData = {
  versions: [
    version("0.1.0", {
      "the-2017-variation": figures(34_846_287_712, 5),
      "pbr-low": figures(1, 0),
    }),
    version("0.2.0", {
      "the-2017-variation": figures(-14_858_904_816, 16),
      "pbr-high": figures(2, 0),
    }),
  ],
  comparisons: [],
};

const input = (over: Partial<VersionNoteInput>): VersionNoteInput => ({
  linkVersion: "0.1.0",
  currentVersion: "0.2.0",
  scenario: { extends: "the-2017-variation" },
  versions: DATA,
  root: "https://host/crc/",
  ...over,
});

describe("versionNote", () => {
  it("is null without _mv, or when _mv is this page's version", () => {
    expect(versionNote(input({ linkVersion: null }))).toBeNull();
    expect(versionNote(input({ linkVersion: "0.2.0" }))).toBeNull();
    // even when the current version has no record
    expect(versionNote(input({ linkVersion: "0.3.0", currentVersion: "0.3.0" }))).toBeNull();
  });

  it("for a preset with no overrides: the headline then and now, and the comparison's link", () => {
    const note = versionNote(input({}))!;
    expect(note.kind).toBe("recorded");
    expect(note.text).toBe(
      "This link was made with model version 0.1.0; this page shows version 0.2.0. " +
        "Then: CRCs' profit £348.5m, 5 of 21 losing; now: −\u2060£148.6m, 16 of 21.",
    );
    expect(note.href).toBe("https://host/crc/versions#from-0.1.0-to-0.2.0");
    expect(note.linkText).toBe("What changed from 0.1.0 to 0.2.0");
    expect(note.figures).toEqual({
      then: figures(34_846_287_712, 5),
      now: figures(-14_858_904_816, 16),
    });
    expect(note.short).toBe("Link made with model version 0.1.0; this chart shows 0.2.0.");
    // An empty parameters object changes nothing: still the preset.
    expect(
      versionNote(input({ scenario: { extends: "the-2017-variation", parameters: {} } }))!.figures,
    ).not.toBeNull();
  });

  it("names whose figures they are when the page says so (Compare's baseline)", () => {
    const note = versionNote(input({ subject: "The baseline, “The 2017 variation”," }))!;
    expect(note.text).toContain(
      " The baseline, “The 2017 variation”, then: CRCs' profit £348.5m, 5 of 21 losing; now: −\u2060£148.6m, 16 of 21.",
    );
  });

  it("for any other scenario: figures are kept for presets only, and still the comparison's link", () => {
    const changed = versionNote(
      input({
        scenario: { extends: "the-2017-variation", parameters: { "ffs.toleranceBand": 0.02 } },
      }),
    )!;
    expect(changed.figures).toBeNull();
    expect(changed.text).toBe(
      "This link was made with model version 0.1.0; this page shows version 0.2.0. Figures from " +
        "past versions are kept for the presets only (with no input changed), so this scenario's " +
        "figures then cannot be shown.",
    );
    expect(changed.href).toBe("https://host/crc/versions#from-0.1.0-to-0.2.0");
    const fromScratch = versionNote(input({ scenario: { parameters: { "x.y": 1 } } }))!;
    expect(fromScratch.text).toContain("kept for the presets only");
    // The link's scenario could not be used: no figures, no claim about them.
    const refused = versionNote(input({ scenario: null }))!;
    expect(refused.text).toBe(
      "This link was made with model version 0.1.0; this page shows version 0.2.0.",
    );
    expect(refused.href).toBe("https://host/crc/versions#from-0.1.0-to-0.2.0");
  });

  it("a preset missing from either record is said, not guessed", () => {
    const added = versionNote(input({ scenario: { extends: "pbr-high" } }))!;
    expect(added.figures).toBeNull();
    expect(added.text).toContain("The record of version 0.1.0 holds no figures for “pbr-high”");
    const dropped = versionNote(input({ scenario: { extends: "pbr-low" } }))!;
    expect(dropped.text).toContain("The record of version 0.2.0 holds no figures for “pbr-low”");
    const unrecordedNow = versionNote(input({ currentVersion: "0.3.0" }))!;
    expect(unrecordedNow.kind).toBe("recorded");
    expect(unrecordedNow.text).toContain("has no record of version 0.3.0's figures");
    // 0.1.0's next recorded version is 0.2.0: the steps from 0.1.0 on.
    expect(unrecordedNow.href).toBe("https://host/crc/versions#from-0.1.0-to-0.2.0");
    expect(unrecordedNow.linkText).toBe("What changed from 0.1.0 to 0.3.0, one version at a time");
  });

  it("across several versions, links to the first step after the link's version", () => {
    const three: ModelVersionsData = {
      versions: [...DATA.versions, version("0.3.0", { "the-2017-variation": figures(-1, 21) })],
      comparisons: [],
    };
    const note = versionNote(input({ currentVersion: "0.3.0", versions: three }))!;
    expect(note.href).toBe("https://host/crc/versions#from-0.1.0-to-0.2.0");
    expect(note.text).toContain("now: −\u2060£0.0m, 21 of 21.");
    // A link from a newer recorded version than the page's (an older deployment of the site).
    const newer = versionNote(
      input({ linkVersion: "0.3.0", currentVersion: "0.2.0", versions: three }),
    )!;
    expect(newer.kind).toBe("recorded");
    expect(newer.href).toBe("https://host/crc/versions#from-0.2.0-to-0.3.0");
  });

  it("an unknown version gets a note naming it and the recorded versions", () => {
    const note = versionNote(input({ linkVersion: "0.0.9" }))!;
    expect(note.kind).toBe("unrecorded");
    expect(note.text).toBe(
      "This link was made with model version 0.0.9, of which this site has no record " +
        "(recorded versions: 0.1.0, 0.2.0); this page shows version 0.2.0.",
    );
    expect(note.href).toBe("https://host/crc/versions");
    const newer = versionNote(input({ linkVersion: "1.0.0" }))!;
    expect(newer.text).toContain("1.0.0, newer than this site's (recorded versions: 0.1.0, 0.2.0)");
  });

  it("a malformed _mv gets a clear note, never a crash", () => {
    const note = versionNote(input({ linkVersion: "<script>alert(1)</script>" }))!;
    expect(note.kind).toBe("malformed");
    expect(note.text).toBe(
      "This link's model version “<script>alert(1)</script>” is not a version number " +
        "(recorded versions: 0.1.0, 0.2.0); this page shows version 0.2.0.",
    );
    expect(versionNote(input({ linkVersion: "" }))!.text).toContain(
      "This link's model version (_mv) is empty",
    );
    const long = versionNote(input({ linkVersion: "9".repeat(500) }))!;
    expect(long.kind).toBe("malformed");
    expect(long.text.length).toBeLessThan(200);
    const none = versionNote(
      input({ linkVersion: "v0.1", versions: { versions: [], comparisons: [] } }),
    )!;
    expect(none.text).toContain("(recorded versions: none)");
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const n = versionNote(input({ linkVersion: raw }));
        if (raw === "0.2.0") expect(n).toBeNull();
        else expect(n!.text).toContain("this page shows version 0.2.0");
      }),
    );
  });
});
