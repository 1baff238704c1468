import { describe, expect, it } from "vitest";
import {
  checkExplainDeltaRequest,
  checkExplainRequest,
  DEFAULT_EXPLAIN_DEPTH,
  MAX_EXPLAIN_DEPTH,
} from "./explain-request.ts";

const figure = { crc: "ALL", line: "profit", period: "total" };

describe("checkExplainRequest", () => {
  it("defaults the depth and passes a well-formed request through", () => {
    expect(checkExplainRequest({ scenario: {}, figure })).toEqual({
      ok: true,
      value: { scenario: {}, figure, depth: DEFAULT_EXPLAIN_DEPTH },
    });
    expect(checkExplainRequest({ scenario: {}, figure, depth: MAX_EXPLAIN_DEPTH }).ok).toBe(true);
  });

  it("refuses fractional, negative and too-deep depths, naming the range", () => {
    for (const depth of [1.5, -1, MAX_EXPLAIN_DEPTH + 1, "2", Infinity]) {
      expect(checkExplainRequest({ scenario: {}, figure, depth })).toMatchObject({
        ok: false,
        issues: [{ path: "depth", message: expect.stringMatching(/from 0 to 4$/) }],
      });
    }
  });

  it("names unknown and missing fields of the figure", () => {
    expect(checkExplainRequest({ scenario: {}, figure: { crc: "ALL", when: "x" } })).toEqual({
      ok: false,
      issues: [
        { path: "figure.when", message: 'unknown key "when"; allowed: crc, line, period' },
        { path: "figure.line", message: "nothing is not text" },
        { path: "figure.period", message: "nothing is not text" },
      ],
    });
  });
});

describe("checkExplainDeltaRequest", () => {
  it("defaults the method to one-at-a-time", () => {
    expect(checkExplainDeltaRequest({ a: 1, b: 2, figure })).toEqual({
      ok: true,
      value: { a: 1, b: 2, figure, method: "one-at-a-time" },
    });
  });

  it("requires both scenarios and a list is not a request", () => {
    expect(checkExplainDeltaRequest({ figure }).ok).toBe(false);
    expect(checkExplainDeltaRequest([])).toEqual({
      ok: false,
      issues: [{ path: "", message: "a list is not a request (an object)" }],
    });
  });
});
