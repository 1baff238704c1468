import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeForService } from "../../src/engine/fee-for-service.ts";
import { fixtureInputs } from "../fixtures/fixture-inputs.ts";
import { MONTH_COUNT } from "../../src/engine/ledger.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { FY_INDEX_BY_MONTH } from "../../src/engine/timeline.ts";
import { effectiveShortfallColumn } from "../../src/engine/effective-shortfall.ts";
import { SHORTFALL_GIVEN_IDS, SHORTFALL_ID } from "../../src/engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../../src/engine/projection-inputs.ts";
import { arbitraryInputsFromSpecs, rowRange } from "../fixtures/arbitrary-inputs.ts";
import { testDataset } from "../fixtures/test-dataset.ts";

/** A decimal with at most `places` places in [min, max], as a float (exact after `new Money`). */
const decimal = (min: number, max: number, places = 3) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => n / 10 ** places);

const dataset = await testDataset();
/** Every parameter the engine reads, drawn (or not) within its data rows' min–max. */
const arbitraryInputs = arbitraryInputsFromSpecs(dataset);

/**
 * The inputs with each given shortfall year (every CRC) mapped by `f(value, its row's max)`, and
 * the trend too if `trend` is given; the effective path derived again.
 */
function withShortfall(
  inputs: ProjectionInputs,
  f: (s: number, max: number) => number,
  trend?: (t: number) => number,
): ProjectionInputs {
  const values = new Map(inputs.values);
  const ids =
    trend === undefined ? SHORTFALL_GIVEN_IDS : [...SHORTFALL_GIVEN_IDS, "volume.shortfallTrend"];
  for (const id of ids)
    values.set(
      id,
      values.get(id)!.map((s, k) => {
        if (id === "volume.shortfallTrend") return trend!(s);
        return f(s, rowRange(dataset, id, inputs.crcs[Math.floor(k / FY_COUNT)]!.id).max);
      }),
    );
  values.set(SHORTFALL_ID, effectiveShortfallColumn(values, inputs.crcs.length));
  return { crcs: inputs.crcs, values };
}

/** The inputs with one value everywhere for `id`. */
const withValue = (inputs: ProjectionInputs, id: string, value: number): ProjectionInputs => ({
  crcs: inputs.crcs,
  values: new Map([...inputs.values, [id, inputs.values.get(id)!.map(() => value)]]),
});

const share = decimal(0, 1);
const shortfall = decimal(-0.5, 0.9);
const price = fc.integer({ min: 0, max: 20_000_000_000 });

describe("fee-for-service laws (MODEL.md Income §1)", () => {
  it("zero shortfall and no variation give fee for service equal to the bid price", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_000_000, max: 10_000_000_000 }), {
          minLength: 3,
          maxLength: 3,
        }),
        share,
        decimal(0, 0.1),
        decimal(0, 0.25),
        (prices, phi, tau, cap) => {
          const ledger = projectExact(
            fixtureInputs({
              "size.annualPrice": prices,
              "ffs.fixedShare": phi,
              "ffs.toleranceBand": tau,
              "ffs.upsideCap": cap,
            }),
          );
          prices.forEach((p, c) => {
            let year = 0;
            for (let m = 0; m < MONTH_COUNT; m++) {
              const fee = ledger.money.fee_for_service[c * MONTH_COUNT + m]!;
              expect(Math.abs(fee - p / 12)).toBeLessThanOrEqual(0.5);
              if (FY_INDEX_BY_MONTH[m] === 3) year += fee;
              expect(ledger.money.variation[c * MONTH_COUNT + m]).toBe(0);
            }
            // a whole year pays P, up to the 12 monthly roundings
            expect(Math.abs(year - p)).toBeLessThanOrEqual(6);
            if (p % 12 === 0) expect(year).toBe(p);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("more shortfall never raises fee for service (the rule)", () => {
    fc.assert(
      fc.property(
        price,
        share,
        decimal(0, 0.1),
        decimal(0, 0.25),
        shortfall,
        shortfall,
        (p, phi, tau, cap, s1, s2) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const args = { annualPricePence: p, fixedShare: phi, toleranceBand: tau, upsideCap: cap };
          const more = feeForService({ ...args, shortfallShare: hi });
          const less = feeForService({ ...args, shortfallShare: lo });
          expect(more.lessThanOrEqualTo(less)).toBe(true);
        },
      ),
    );
  });

  it("more shortfall never raises fee for service (the projected ledger, every CRC and year)", () => {
    fc.assert(
      fc.property(arbitraryInputs, decimal(0, 0.3), (base, extra) => {
        // every given year raised (within its row), so every year after 2017-18 too
        const worse = withShortfall(base, (s, max) => Math.min(max, s + extra));
        const a = projectExact(base).money.fee_for_service;
        const b = projectExact(worse).money.fee_for_service;
        for (let i = 0; i < a.length; i++) expect(b[i]!).toBeLessThanOrEqual(a[i]!);
      }),
      { numRuns: 20 },
    );
  });

  it("a larger recognised fixed share never lowers income while volume is not above the band", () => {
    fc.assert(
      fc.property(arbitraryInputs, decimal(0.2, 0.77), decimal(0.2, 0.77), (o, f1, f2) => {
        const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
        // volume at or below prediction in every year (shortfall ≥ 0, trend ≥ 0)
        const fell = withShortfall(o, (s) => Math.abs(s), Math.abs);
        const at = (phi: number) =>
          projectExact(withValue(fell, "variation.fixedShare", phi)).money.income_total;
        const a = at(lo);
        const b = at(hi);
        for (let i = 0; i < a.length; i++) expect(b[i]!).toBeGreaterThanOrEqual(a[i]!);
      }),
      { numRuns: 20 },
    );
  });
});
