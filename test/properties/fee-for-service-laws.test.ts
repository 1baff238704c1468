import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeForService } from "../../src/engine/fee-for-service.ts";
import { fixtureInputs } from "../../src/engine/fixture-inputs.ts";
import { MONTH_COUNT } from "../../src/engine/ledger.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { FY_INDEX_BY_MONTH } from "../../src/engine/timeline.ts";
import { arbitraryOverrides, decimal } from "./arbitrary-inputs.ts";

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
      fc.property(arbitraryOverrides, decimal(0, 0.3), (o, extra) => {
        const base = fixtureInputs(o as Record<string, number | readonly number[]>);
        const raised = (id: string) =>
          (o[id as keyof typeof o] as number[]).map((s) => Math.min(0.9, s + extra));
        const worse = fixtureInputs({
          ...(o as Record<string, number | readonly number[]>),
          "volume.shortfall.2015-16": raised("volume.shortfall.2015-16"),
          "volume.shortfall.2016-17": raised("volume.shortfall.2016-17"),
          "volume.shortfall.2017-18": raised("volume.shortfall.2017-18"),
        });
        const a = projectExact(base).money.fee_for_service;
        const b = projectExact(worse).money.fee_for_service;
        for (let i = 0; i < a.length; i++) expect(b[i]!).toBeLessThanOrEqual(a[i]!);
      }),
      { numRuns: 30 },
    );
  });

  it("a larger recognised fixed share never lowers income while volume is not above the band", () => {
    fc.assert(
      fc.property(arbitraryOverrides, decimal(0.2, 0.77), decimal(0.2, 0.77), (o, f1, f2) => {
        const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
        // volume at or below prediction in every year (shortfall ≥ 0, trend ≥ 0)
        const fell = Object.fromEntries(
          [
            "volume.shortfall.2015-16",
            "volume.shortfall.2016-17",
            "volume.shortfall.2017-18",
            "volume.shortfallTrend",
          ].map((id) => [id, (o[id as keyof typeof o] as number[]).map((s) => Math.abs(s))]),
        );
        const at = (phi: number) =>
          projectExact(
            fixtureInputs({
              ...(o as Record<string, number | readonly number[]>),
              ...fell,
              "variation.fixedShare": phi,
            }),
          ).money.income_total;
        const a = at(lo);
        const b = at(hi);
        for (let i = 0; i < a.length; i++) expect(b[i]!).toBeGreaterThanOrEqual(a[i]!);
      }),
      { numRuns: 30 },
    );
  });
});
