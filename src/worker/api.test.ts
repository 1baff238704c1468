import { expose, wrap } from "comlink";
import { afterAll, describe, expect, it } from "vitest";
import { feeForServiceLine } from "../engine/fee-for-service-line.ts";
import { engineApi, type EngineApi } from "./api.ts";

// The worker round trip, in Node: the same API object the worker exposes, across a real
// MessageChannel through comlink (structured clone and all).
const channel = new MessageChannel();
expose(engineApi, channel.port1 as unknown as Parameters<typeof expose>[1]);
const remote = wrap<EngineApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]);
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

const request = {
  annualPricePence: 1_400_000_000,
  shortfallShare: 0.3,
  fixedShare: 0.2,
  toleranceBand: 0.05,
};

describe("engine worker API over a MessageChannel", () => {
  it("returns the engine's result unchanged after the round trip", async () => {
    const result = await remote.feeForServiceLine(request);
    expect(result).toEqual({ ok: true, value: feeForServiceLine(request) });
  });

  it("returns a clear error value for a malformed request instead of throwing", async () => {
    const result = await remote.feeForServiceLine({
      annualPricePence: "lots",
      shortfallShare: 1.7,
      fixedShare: 0.2,
      toleranceBand: 0.05,
      tolerance: 1,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "tolerance", message: 'unknown field "tolerance"' },
        {
          path: "annualPricePence",
          message: 'annualPricePence must be a finite number, got "lots"',
        },
        {
          path: "shortfallShare",
          message: "shortfallShare: 1.7 is outside the allowed range -1 to 1",
        },
      ],
    });
  });

  it("rejects a request that is not an object", async () => {
    expect(await remote.feeForServiceLine(null)).toEqual({
      ok: false,
      issues: [{ path: "", message: "request must be an object, got null" }],
    });
  });
});
