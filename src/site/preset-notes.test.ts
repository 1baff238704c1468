import { describe, expect, it } from "vitest";
import { loadDataset } from "../data/load-from-disk.ts";
import { PRESETS } from "../scenario/presets.ts";
import { presetNotes } from "./preset-notes.ts";

describe("presetNotes", () => {
  it("gives every preset its description and names the presets whose inputs coincide", async () => {
    const loaded = await loadDataset("data");
    if (!loaded.ok) throw new Error("data");
    const notes = presetNotes(PRESETS, loaded.value);
    for (const [id, note] of notes) expect(note.description, id).not.toBe("");
    expect(notes.get("no-variation")?.sameAs).toContain("Volumes as they fell, original terms");
    expect(notes.get("volumes-as-they-fell")?.sameAs).toContain("No-variation counterfactual");
    // "Staff cuts as reported" sets the cut scale to the data's own value: the 2017 variation.
    expect(notes.get("cuts-as-reported")?.sameAs).toEqual(["The 2017 variation"]);
    expect(notes.get("pbr-high")?.sameAs).toEqual([]);
  });
});
