import fc from "fast-check";
import { fixtureInputs } from "../../src/engine/fixture-inputs.ts";
import type { ProjectionInputs } from "../../src/engine/projection-inputs.ts";

/** A decimal with at most `places` places in [min, max], as a float (exact after `new Money`). */
export const decimal = (min: number, max: number, places = 3) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => n / 10 ** places);

const perCrc = (arb: fc.Arbitrary<number>) => fc.array(arb, { minLength: 3, maxLength: 3 });

/** Random fixture scenarios: every lever of the model, inside the data's ranges. */
export const arbitraryOverrides = fc.record({
  "volume.shortfall.2015-16": perCrc(decimal(-0.3, 0.6)),
  "volume.shortfall.2016-17": perCrc(decimal(-0.3, 0.6)),
  "volume.shortfall.2017-18": perCrc(decimal(-0.3, 0.6)),
  "volume.shortfallTrend": perCrc(decimal(-0.02, 0.05)),
  "ffs.fixedShare": decimal(0, 0.5),
  "ffs.toleranceBand": decimal(0, 0.1),
  "ffs.upsideCap": decimal(0, 0.25),
  "price.learningCurveDiscount": perCrc(decimal(0, 0.08, 4)),
  "cost.transformationGap": perCrc(decimal(0, 0.25, 4)),
  "cost.savingsAchieved": perCrc(decimal(0, 1, 4)),
  "cost.bidMargin": perCrc(decimal(-0.05, 0.1)),
  "variation.scale": decimal(0, 1.5),
  "variation.fixedShare": decimal(0.2, 0.77),
  "variation.start": fc.integer({ min: 20, max: 60 }),
  "variation.paymentBefore.2016-17": fc.integer({ min: 0, max: 5_000_000_000 }),
  "variation.paymentBefore.2017-18": fc.integer({ min: 0, max: 3_000_000_000 }),
  "guarantee.floorShareOfCost": fc.constantFrom(0, 0, 0.8, 0.95),
  "pbr.binaryReductionPts": decimal(-3, 3, 2),
  "pbr.frequencyReductionPct": decimal(-6, 6, 2),
  "serviceCredits.grossAnnual": fc.integer({ min: 0, max: 1_500_000_000 }),
  "ict.compensationTotal": fc.integer({ min: 0, max: 2_310_000_000 }),
  "staff.fteJune2017": fc.tuple(decimal(40, 120, 1), decimal(80, 240, 1), decimal(20, 60, 1)),
  "staff.payAward": decimal(0, 0.02),
  "termination.endDate": perCrc(fc.integer({ min: 10, max: 85 })),
  "workload.feedback.pbrPtsPer10Pct": fc.constantFrom(0, 0, 0.2),
  "workload.feedback.serviceCreditsPer10Pct": fc.constantFrom(0, 0, 0.05),
});

export const arbitraryInputs: fc.Arbitrary<ProjectionInputs> = arbitraryOverrides.map((o) =>
  fixtureInputs(o as Record<string, number | readonly number[]>),
);
