import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { backtestQuery, backtestViewFromSearch, DEFAULT_BACKTEST } from "./backtest-view.ts";

const TARGETS = ["losses.beforeVariation", "jobs.cutByMid2016"];

describe("backtestViewFromSearch (issue #13: read by the src/issues readers)", () => {
  it("reads a view back from its own query", () => {
    const view = { asOf: "2017-03", without: ["jobs.cutByMid2016"], draws: 4000, seed: 7 };
    const query = new URLSearchParams(
      Object.entries(backtestQuery(view)).filter((e): e is [string, string] => e[1] !== null),
    );
    expect(backtestViewFromSearch(`?${query}`, TARGETS)).toEqual({
      ok: true,
      value: view,
      warnings: [],
      given: true,
    });
    expect(backtestViewFromSearch("?v=1", TARGETS)).toEqual({
      ok: true,
      value: DEFAULT_BACKTEST,
      warnings: [],
      given: false,
    });
  });

  it("names every bad value by its key, keeps the defaults and the known targets", () => {
    const read = backtestViewFromSearch(
      "?_bt_seed=-1&_asof=2016-13&_without=nope,losses.beforeVariation&_bt_draws=5",
      TARGETS,
    );
    expect(read.value).toEqual({ ...DEFAULT_BACKTEST, without: ["losses.beforeVariation"] });
    expect(read.warnings.map((w) => w.path)).toEqual([
      "_asof",
      "_without",
      "_bt_draws",
      "_bt_seed",
    ]);
    expect(read.warnings.map(formatIssue)).toEqual([
      '_asof: "2016-13" is not a month YYYY-MM (e.g. 2016-09)',
      '_without: "nope" not a target; ignored',
      '_bt_draws: "5" is not a whole number from 1000 to 1000000',
      '_bt_seed: "-1" is not a whole number from 0 to 4294967295',
    ]);
  });
});
