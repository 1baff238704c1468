import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { DEFAULT_SCENARIO, scenarioFromUrl } from "./scenario-from-url.ts";
import { initialChoice, scenarioChoices, scenarioKey } from "./scenario-choices.ts";

const valid = async () => ({ ok: true as const, value: null });

/** The menu a page builds for an address, and the entry it shows first. */
async function open(search: string, saved: Array<{ name: string; scenario: unknown }> = []) {
  const opened = await scenarioFromUrl(search, valid);
  const choices = scenarioChoices(opened, saved, PRESETS);
  return { opened, choices, shown: initialChoice(choices, opened) };
}

describe("scenarioChoices", () => {
  it("shows a link's preset with a title as the link's scenario, not the first preset (issue #15)", async () => {
    const { shown } = await open("?v=1&extends=no-variation&title=Hello");
    expect(shown).toEqual({
      value: "link",
      label: "From the link: Hello",
      scenario: { schemaVersion: 1, title: "Hello", extends: "no-variation" },
    });
  });

  it("shows a link's preset with an id as the link's scenario (issue #15)", async () => {
    const { shown } = await open("?v=1&extends=pbr-high&id=my-copy");
    expect(shown?.label).toBe("From the link: my-copy");
    expect(shown?.scenario).toEqual({ schemaVersion: 1, id: "my-copy", extends: "pbr-high" });
  });

  it("shows a plain preset link as that preset, with no extra entry", async () => {
    const { choices, shown } = await open("?v=1&extends=pbr-high");
    expect(shown?.label).toBe(`Preset: ${PRESETS.get("pbr-high")!.title}`);
    expect(choices).toHaveLength(PRESETS.size);
  });

  it("shows the default preset when the address carries no scenario", async () => {
    const { shown } = await open("");
    expect(shown?.scenario).toEqual({ schemaVersion: 1, extends: DEFAULT_SCENARIO.extends });
  });

  it("shows a saved scenario that is exactly the link's as the saved entry, whatever its key order", async () => {
    const saved = [
      { name: "Hello", scenario: { extends: "no-variation", title: "Hello", schemaVersion: 1 } },
    ];
    const { choices, shown } = await open("?v=1&extends=no-variation&title=Hello", saved);
    expect(shown?.label).toBe("Saved: Hello");
    expect(choices.filter((c) => c.label.startsWith("From the link"))).toEqual([]);
  });

  it("shows a link with changed parameters first, named from the link", async () => {
    const { choices, shown } = await open("?v=1&extends=pbr-high&ffs.toleranceBand=0.1");
    expect(shown).toBe(choices[0]);
    expect(shown?.label).toBe("From the link");
  });

  it("gives each entry the value it names: a preset's id, a saved name after saved:, or link", async () => {
    const saved = [{ name: "no-variation", scenario: { schemaVersion: 1, extends: "pbr-high" } }];
    const { choices } = await open("?v=1&extends=pbr-high&ffs.toleranceBand=0.1", saved);
    expect(choices.map((c) => c.value)).toEqual(["link", ...PRESETS.keys(), "saved:no-variation"]);
  });
});

describe("scenarioKey", () => {
  it("is the same for documents that differ only in key order or undefined fields", () => {
    expect(scenarioKey({ b: 1, a: { d: 2, c: undefined, e: [3] } })).toBe(
      scenarioKey({ a: { e: [3], d: 2 }, b: 1 }),
    );
  });
});
