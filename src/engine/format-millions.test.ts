import { describe, expect, it } from "vitest";
import {
  PENCE_PER_MILLION,
  WORD_JOINER,
  changeMillions,
  keepSignWithAmount,
  millions,
  pageMillions,
  signedMillions,
  tipMillions,
} from "./format-millions.ts";

describe("signedMillions(pence)", () => {
  it("writes £m with one decimal, separators and a true minus sign", () => {
    expect(signedMillions(34_846_287_712)).toBe("£348.5m");
    expect(signedMillions(-14_858_904_816)).toBe("−£148.6m");
    expect(signedMillions(123_456_789_000_00)).toBe("£123,456.8m");
    expect(signedMillions(0)).toBe("£0.0m");
    expect(millions(-230_000_000)).toBe("£2.3m");
    expect(changeMillions(34_200_000_000)).toBe("+£342.0m");
    expect(changeMillions(-360_000_000)).toBe("−£3.6m");
    expect(changeMillions(0)).toBe("£0.0m");
  });

  it("is pence over PENCE_PER_MILLION (100 pence × £1m)", () => {
    expect(PENCE_PER_MILLION).toBe(100 * 1_000_000);
    expect(signedMillions(3.6 * PENCE_PER_MILLION)).toBe("£3.6m");
  });
});

describe("pageMillions(pence) and keepSignWithAmount(text)", () => {
  it("hold a sign to its amount with a word joiner, and read the same once it is removed", () => {
    expect(pageMillions(-360_000_000)).toBe(`−${WORD_JOINER}£3.6m`);
    expect(pageMillions(360_000_000)).toBe("£3.6m");
    expect(keepSignWithAmount("from +£11.8m to −£3.6m; £22k-£28k")).toBe(
      `from +${WORD_JOINER}£11.8m to −${WORD_JOINER}£3.6m; £22k-£28k`,
    );
    for (const pence of [-1, -14_858_904_816, 0, 5e9])
      expect(pageMillions(pence).replaceAll(WORD_JOINER, "")).toBe(signedMillions(pence));
  });
});

describe("tipMillions(millions)", () => {
  it("writes a chart's £m with a true minus sign before the pound sign", () => {
    expect(tipMillions(-13.7)).toBe("−£13.70m");
    expect(tipMillions(4.25, 1)).toBe("£4.3m");
  });
});
