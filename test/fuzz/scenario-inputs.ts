import { RESERVED_KEYS } from "../../src/issues/describe-value.ts";
import fc from "fast-check";
import type { Dataset, Parameter } from "../../src/data/index.ts";
import { PARAMETER_SPECS } from "../../src/engine/parameter-specs.ts";
import { FINANCIAL_YEARS } from "../../src/engine/timeline.ts";
import { PRESET_IDS } from "../../src/scenario/presets.ts";
import {
  SHAPES,
  SHORTFALL_GROUP,
  UNCERTAINTY_KEYS,
} from "../../src/scenario/uncertainty-settings.ts";

/**
 * Arbitrary scenario documents for the adversarial suite (issue #15): not only valid scenarios
 * but any JSON, and scenario-shaped JSON whose every part may be wrong in any way — unknown or
 * reserved keys, values of the wrong type, values at, inside and outside each data row's range,
 * huge keys, ids of presets, CRCs, owners and years spelt right or wrong — mixed so that a good
 * share of documents are valid and reach the engine.
 */
export function scenarioInputs(dataset: Dataset): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: extremeInputs(dataset) },
    { weight: 1, arbitrary: workloadInputs() },
    { weight: 5, arbitrary: shapedInputs(dataset, true) },
    { weight: 4, arbitrary: shapedInputs(dataset, false) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.string().map((s) => ({ schemaVersion: 1, extends: s })) },
    {
      // shaped like a resolved scenario (issue #15, item 7): still only a document
      weight: 1,
      arbitrary: fc.record(
        {
          inputs: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ crcs: [], values: {} })),
          merged: fc.jsonValue({ maxDepth: 2 }),
          hash: fc.string(),
          origin: fc.jsonValue({ maxDepth: 0 }),
        },
        { requiredKeys: ["inputs", "merged", "hash"] },
      ),
    },
  );
}

/**
 * Staffing at or just above 0 FTE, the workload norm at an end of its range and the workload
 * feedback on or off: the workload index divides by FTE and by the norm, and the feedback is
 * linear in it. 0.001 FTE in June 2017 with the service-credit feedback at 1 gave a national
 * loss of £50.8 trillion, and with the norm at 1 left the range of whole pence (issue #13).
 */
function workloadInputs(): fc.Arbitrary<unknown> {
  const staffing = fc.constantFrom<unknown>(0, 0.001, 1, 30, 155, { byCrc: { london: 0.001 } });
  return fc.record(
    {
      schemaVersion: fc.constant(1),
      extends: fc.option(fc.constantFrom(...PRESET_IDS), { nil: undefined }),
      parameters: fc.record(
        {
          "staff.fteJune2017": staffing,
          "staff.fteJune2014": staffing,
          "staff.cutScale": fc.constantFrom(0, 1, 1.5),
          "workload.caseloadPerFteNorm": fc.constantFrom(1, 15.6, 100),
          "caseload.growth": fc.constantFrom(-0.5, 0.2, 1),
          "workload.feedback.serviceCreditsPer10Pct": fc.constantFrom(0, 0.001, 0.1, 1),
          "workload.feedback.pbrPtsPer10Pct": fc.constantFrom(0, 0.001, 2),
        },
        { requiredKeys: ["staff.fteJune2017"] },
      ),
      uncertainty: fc.option(fc.constant({ draws: 2, seed: 1 }), { nil: undefined }),
    },
    { requiredKeys: ["schemaVersion", "parameters"] },
  );
}

/**
 * One or two parameters at an end of their data rows' ranges (or 0), for every CRC at once or
 * for one: valid on its own terms, so it reaches the cross-parameter rules and the engine with
 * the values where divisions by zero hide (all caseloads 0, all prices 0, no staff left).
 */
function extremeInputs(dataset: Dataset): fc.Arbitrary<unknown> {
  const rows = dataset.parameters.filter((r) => r.unit !== "date_month");
  const entry = fc
    .tuple(fc.constantFrom(...rows), fc.constantFrom("min", "max", "zero"), fc.boolean())
    .map(([row, end, everywhere]): [string, unknown] => {
      const value = end === "zero" ? 0 : Number(row.text[end]);
      if (everywhere || row.crc === null) return [row.id, value];
      return [row.id, { byCrc: { [row.crc]: value } }];
    });
  return fc
    .record(
      {
        schemaVersion: fc.constant(1),
        extends: fc.option(fc.constantFrom(...PRESET_IDS), { nil: undefined }),
        parameters: fc
          .tuple(
            fc.array(entry, { minLength: 1, maxLength: 2 }),
            // now and then a reserved key, which must be refused by name, never dropped
            fc.option(
              fc.tuple(
                fc.constantFrom(...RESERVED_KEYS),
                fc.constantFrom<unknown>(0.3, { value: 0.3 }, { byCrc: { london: 0.3 } }),
              ),
              { freq: 8 },
            ),
          )
          .map(([entries, reserved]) =>
            Object.fromEntries(reserved === null ? entries : [...entries, reserved]),
          ),
        uncertainty: fc.option(fc.constant({ draws: 2, seed: 1 }), { nil: undefined }),
      },
      { requiredKeys: ["schemaVersion", "parameters"] },
    )
    .map((doc) => JSON.parse(JSON.stringify(doc)) as unknown);
}

/**
 * Scenario-shaped documents. `clean`: the right keys only, each parameter overridden in a form
 * its spec allows, every value inside its data row's range (so most are valid, and those that
 * are not break rules across parameters); else anything goes, part by part.
 */
function shapedInputs(dataset: Dataset, clean: boolean): fc.Arbitrary<unknown> {
  const rowsById = new Map<string, Parameter[]>();
  for (const row of dataset.parameters) {
    const rows = rowsById.get(row.id) ?? [];
    rows.push(row);
    rowsById.set(row.id, rows);
  }
  const ids = [...rowsById.keys()];
  const crcIds = dataset.crcs.map((c) => c.id);
  const ownerIds = dataset.owners.map((o) => o.id);

  /** Awkward numbers: signs of zero, limits of float64 and of safe integers, long decimals. */
  const edgeNumber = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 0.5, 1e-7, 1e15, -1e15, 1e308, -1e308, 5e-324),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, 123456789.12345679, 0.1 + 0.2, 2 ** 53 + 2),
    fc.constantFrom(Number.NaN, Infinity, -Infinity), // not JSON, but the API takes any value
    fc.double(),
    fc.integer(),
  );
  /** A month "YYYY-MM", in or around the contract, or malformed. */
  const month = fc.oneof(
    fc
      .tuple(fc.integer({ min: 2013, max: 2024 }), fc.integer({ min: 0, max: 13 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    fc.constantFrom("2015-02", "2022-03", "2017-08", "2015-1", "2015-13", "", "YYYY-MM"),
  );
  /** A number between a row's min and max with 0–4 decimal places, or one of its columns. */
  const valueIn = (row: Parameter): fc.Arbitrary<unknown> => {
    if (clean && row.unit === "date_month")
      return fc.constantFrom(...Object.values(row.text).map(String));
    if (row.unit === "date_month")
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...Object.values(row.text).map(String)) },
        { weight: 1, arbitrary: month },
      );
    const min = Number(row.text.min);
    const max = Number(row.text.max);
    const columns = [row.text.min, row.text.max, row.text.low, row.text.high, row.text.default];
    // whole-number units (months, people, counts) and money (2 decimals) keep their places
    const whole = ["months", "people", "count"].includes(row.unit);
    const inside = fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: whole ? 0 : 2 }))
      .map(([u, places]) => Number((min + u * (max - min)).toFixed(places)))
      .filter((x) => x >= min && x <= max);
    if (clean)
      return fc.oneof(
        // the ends of the range most of all: where divisions by zero hide
        { weight: 3, arbitrary: fc.constantFrom(min, max) },
        { weight: 2, arbitrary: fc.constantFrom(...columns.map(Number)) },
        { weight: 3, arbitrary: inside },
      );
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...columns.map(Number)) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 4 }))
          .map(([u, places]) => Number((min + u * (max - min)).toFixed(places))),
      },
      { weight: 1, arbitrary: edgeNumber },
      { weight: 1, arbitrary: fc.oneof(fc.string(), month, fc.jsonValue({ maxDepth: 1 })) },
    );
  };
  const valueFor = (id: string): fc.Arbitrary<unknown> => {
    const rows = rowsById.get(id);
    return rows === undefined
      ? fc.oneof(edgeNumber, month, fc.jsonValue({ maxDepth: 1 }))
      : fc.constantFrom(...rows).chain(valueIn);
  };
  /** A key a user might write: the right ones mostly, else anything (reserved, huge, typos). */
  const keyOf = (right: readonly string[]) =>
    clean
      ? fc.constantFrom(...right)
      : fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...right) },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
          { weight: 1, arbitrary: fc.constantFrom(...RESERVED_KEYS) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...right)
              .map((k) => `${k.slice(0, -1)}${k.length > 3 ? "x" : ""}`),
          },
          { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }).map((n) => "k".repeat(n)) },
        );
  /** Entries as an object built with defineProperty, so "__proto__" is an own key as in JSON. */
  const objectOf = (entries: fc.Arbitrary<[string, unknown][]>) =>
    entries.map((list) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of list)
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    });
  const mapOf = (keys: readonly string[], id: string) =>
    objectOf(fc.array(fc.tuple(keyOf(keys), valueFor(id)), { maxLength: 6 }));
  const override = (id: string): fc.Arbitrary<unknown> => {
    if (clean) {
      const spec = PARAMETER_SPECS[id];
      const byCrc = spec?.scope === "crc";
      return fc.oneof(
        { weight: 3, arbitrary: valueFor(id) },
        {
          weight: 2,
          arbitrary: fc.record(
            {
              value: valueFor(id),
              ...(byCrc ? { byCrc: mapOf(crcIds, id), byOwner: mapOf(ownerIds, id) } : {}),
              ...(spec?.byYear ? { byYear: mapOf(FINANCIAL_YEARS, id) } : {}),
            },
            { requiredKeys: [] },
          ),
        },
      );
    }
    return fc.oneof(
      { weight: 5, arbitrary: valueFor(id) },
      {
        weight: 3,
        arbitrary: fc.record(
          {
            value: valueFor(id),
            byCrc: mapOf(crcIds, id),
            byOwner: mapOf(ownerIds, id),
            byYear: mapOf(FINANCIAL_YEARS, id),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    );
  };
  const parameters = objectOf(
    fc.array(
      keyOf(ids).chain((id) => override(id).map((v): [string, unknown] => [id, v])),
      { maxLength: clean ? 4 : 8 },
    ),
  );
  const distributionKeys = [...ids, SHORTFALL_GROUP];
  /** A range for a parameter: its data row's low and high (clean), or any two values. */
  const rangeFor = (id: string) => {
    const row = rowsById.get(id)?.[0];
    if (clean && row !== undefined)
      return fc.constant(
        row.unit === "date_month"
          ? { low: row.text.low, high: row.text.high }
          : { low: Number(row.text.low), high: Number(row.text.high) },
      );
    return fc.record({ low: valueFor(id), high: valueFor(id) }, { requiredKeys: [] });
  };
  const distribution = (id: string) =>
    clean
      ? fc.oneof(
          fc.constantFrom(...SHAPES),
          fc.tuple(fc.constantFrom(...SHAPES), rangeFor(id)).map(([shape, r]) => ({ shape, ...r })),
        )
      : fc.oneof(
          fc.constantFrom(...SHAPES),
          fc
            .tuple(fc.option(fc.constantFrom(...SHAPES)), rangeFor(id))
            .map(([shape, r]) => (shape === null ? r : { shape, ...r })),
          fc.jsonValue({ maxDepth: 1 }),
        );
  const number = (min: number, max: number) =>
    clean ? fc.integer({ min, max }) : fc.oneof(fc.integer({ min, max }), edgeNumber);
  const block = fc.record(
    {
      draws: number(1, 20),
      seed: number(0, 0xffffffff),
      shape: clean ? fc.constantFrom(...SHAPES) : fc.oneof(fc.constantFrom(...SHAPES), fc.string()),
      distributions: objectOf(
        fc.array(
          keyOf(distributionKeys).chain((id) =>
            distribution(id).map((v): [string, unknown] => [id, v]),
          ),
          { maxLength: 4 },
        ),
      ),
      correlation: objectOf(
        fc.array(
          fc.tuple(
            keyOf(distributionKeys.filter((id) => PARAMETER_SPECS[id]?.scope !== "national")),
            clean
              ? fc.double({ min: 0, max: 1, noNaN: true })
              : fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), edgeNumber),
          ),
          { maxLength: 3 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const uncertainty = clean
    ? block
    : fc.oneof(
        { weight: 6, arbitrary: block },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        {
          weight: 1,
          arbitrary: objectOf(
            fc.array(fc.tuple(keyOf(UNCERTAINTY_KEYS), fc.jsonValue({ maxDepth: 1 })), {
              maxLength: 3,
            }),
          ),
        },
      );
  const idish = clean
    ? fc.constantFrom(...PRESET_IDS, "my-scenario")
    : fc.oneof(
        fc.constantFrom(...PRESET_IDS),
        fc.string({ maxLength: 10 }),
        fc.jsonValue({ maxDepth: 0 }),
      );
  const doc = fc.record(
    {
      schemaVersion: clean
        ? fc.constant(1)
        : fc.oneof(
            { weight: 12, arbitrary: fc.constant(1) },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 0 }) },
          ),
      id: idish,
      extends: clean
        ? fc.constantFrom(...PRESET_IDS)
        : fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...PRESET_IDS) },
            { weight: 1, arbitrary: idish },
          ),
      title: clean ? fc.string() : fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      parameters: clean
        ? parameters
        : fc.oneof(
            { weight: 8, arbitrary: parameters },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
          ),
      uncertainty,
    },
    { requiredKeys: ["schemaVersion"] },
  );
  if (clean) return doc;
  // now and then a stray key at the top: a typo, a reserved name, a huge one
  return doc.chain((d) =>
    fc
      .option(fc.tuple(keyOf(["colour", "parameter", "extend"]), fc.jsonValue({ maxDepth: 1 })), {
        freq: 6,
      })
      .map((extra) => {
        if (extra === null) return d;
        const out = { ...d } as Record<string, unknown>;
        Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true });
        return out;
      }),
  );
}
