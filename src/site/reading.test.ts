import { describe, expect, it } from "vitest";
import { millions, periodText, plainReading } from "./reading.ts";

const names = new Map([
  ["wales", "Wales"],
  ["london", "London"],
  ["dtv", "Durham Tees Valley"],
]);

function summary(profits: Record<string, number>, spend: number) {
  const crcs = Object.entries(profits).map(([crc, profitPence]) => ({
    crc,
    owner: "x",
    profitPence,
  }));
  return {
    scenario: null,
    hash: "h",
    mojSpendPence: spend,
    crcProfitPence: crcs.reduce((s, c) => s + c.profitPence, 0),
    lossMakingCrcs: crcs.filter((c) => c.profitPence < 0).length,
    from2016: { crcProfitPence: 0, lossMakingCrcs: 0 },
    crcs,
  };
}

describe("plainReading", () => {
  it("formats millions with one decimal", () => {
    expect(millions(1_234_567_890_000)).toBe("£12,345.7m"); // £12,345,678,900
    expect(millions(-230_000_000)).toBe("£2.3m");
  });

  it("reads losses, their range and the worst loser from the numbers given", () => {
    const text = plainReading({
      summary: summary(
        { wales: -4_300_000_000, london: -230_000_000, dtv: 1_000_000_000 },
        250_000_000_000,
      ),
      names,
      scenarioTitle: "The 2017 variation",
      maxPaymentsPence: 370_000_000_000,
      trough: { period: "2017-18", pence: -5_000_000_000 },
    });
    expect(text).toBe(
      "Under “The 2017 variation”, the Ministry pays the 21 CRCs £2,500.0m from 2014-15 to 2021-22, 68% of the £3,700.0m it expected to pay at most when the contracts were let. " +
        "Taken together the CRCs lose £35.3m over the contract; 2 of the 21 lose money, between £2.3m and £43.0m each, £45.3m in all. " +
        "The largest loss is Wales's (£43.0m). " +
        "The CRCs' combined position is at its lowest in 2017-18, at a cumulative loss of £50.0m.",
    );
  });

  it("names a month as a month, not as a financial year", () => {
    expect(periodText("2016-02")).toBe("February 2016");
    expect(periodText("2017-18")).toBe("2017-18");
    expect(periodText("2021-12")).toBe("December 2021");
    const text = plainReading({
      summary: summary({ wales: -100 }, 100),
      names,
      scenarioTitle: null,
      maxPaymentsPence: 370_000_000_000,
      trough: { period: "2016-02", pence: -5_000_000_000 },
    });
    expect(text).toContain("at its lowest in February 2016, at a cumulative loss of £50.0m.");
  });

  it("says when nobody loses", () => {
    const text = plainReading({
      summary: summary({ dtv: 100 }, 100),
      names,
      scenarioTitle: null,
      maxPaymentsPence: 370_000_000_000,
    });
    expect(text).toContain(
      "make a profit of £0.0m over the contract, and none of them makes a loss.",
    );
  });
});
