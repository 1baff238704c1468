import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONTH_COUNT } from "../../src/engine/ledger.ts";
import { MONEY_LINES } from "../../src/engine/lines.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { ALL, rollUp, type TidyRow } from "../../src/engine/roll-up.ts";
import { arbitraryInputsFromSpecs } from "../fixtures/arbitrary-inputs.ts";
import { testDataset } from "../fixtures/test-dataset.ts";

/** Every parameter the engine reads, drawn (or not) within its data rows' min–max. */
const arbitraryInputs = arbitraryInputsFromSpecs(await testDataset());

const money = (rows: TidyRow[]) =>
  rows.filter((r) => r.line !== "fte" && r.line !== "workload_index");
const key = (r: TidyRow) => `${r.crc}|${r.owner}|${r.line}`;

describe("roll-up laws (fast-check, random scenarios)", () => {
  it("rolls CRCs up to owners and owners up to the nation exactly, to the penny", () => {
    fc.assert(
      fc.property(arbitraryInputs, (inputs) => {
        const rows = money(rollUp(projectExact(inputs), "fy"));
        const sum = (pick: (r: TidyRow) => boolean) => {
          const out = new Map<string, number>();
          for (const r of rows.filter(pick)) {
            const k = `${r.period}|${r.line}`;
            out.set(k, (out.get(k) ?? 0) + r.amount);
          }
          return out;
        };
        const crcs = sum((r) => r.crc !== ALL);
        const owners = sum((r) => r.crc === ALL && r.owner !== ALL);
        const nation = sum((r) => r.crc === ALL && r.owner === ALL);
        expect(owners).toEqual(crcs);
        expect(nation).toEqual(crcs);
        for (const v of nation.values()) expect(Number.isSafeInteger(v)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("gives month sums equal to financial-year sums equal to the contract total", () => {
    fc.assert(
      fc.property(arbitraryInputs, (inputs) => {
        const ledger = projectExact(inputs);
        const totals = (by: "month" | "fy" | "total") => {
          const out = new Map<string, number>();
          for (const r of money(rollUp(ledger, by)))
            out.set(key(r), (out.get(key(r)) ?? 0) + r.amount);
          return out;
        };
        const total = totals("total");
        expect(totals("fy")).toEqual(total);
        expect(totals("month")).toEqual(total);
      }),
      { numRuns: 15 },
    );
  });

  it("keeps every cell whole pence, and profit = income − cost in every cell", () => {
    fc.assert(
      fc.property(arbitraryInputs, (inputs) => {
        const ledger = projectExact(inputs);
        for (const line of MONEY_LINES) {
          expect(ledger.money[line].every((x) => Number.isSafeInteger(x))).toBe(true);
        }
        for (let i = 0; i < inputs.crcs.length * MONTH_COUNT; i++) {
          expect(ledger.money.profit[i]).toBe(
            ledger.money.income_total[i]! - ledger.money.cost_total[i]!,
          );
        }
      }),
      { numRuns: 15 },
    );
  });
});
