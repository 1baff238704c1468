import { beforeAll, describe, expect, it } from "vitest";
import type { DataFileName, DataFiles } from "./columns.ts";
import { formatIssue, type Issue } from "../issues/issue.ts";
import { readDataFiles } from "./load-from-disk.ts";
import { parseDataset, readDataset } from "./parse-dataset.ts";

// Each test breaks the real data in one way and asserts the complete list of issues, so a test
// also proves that one fault gives one precise message and no cascade.

let good: DataFiles;
beforeAll(async () => {
  good = await readDataFiles("data");
});

/** The real files with `from` replaced by `to` (exactly once) in one file. */
function broken(file: DataFileName, from: string, to: string): DataFiles {
  const text = good[file];
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`test setup: ${JSON.stringify(from)} must occur exactly once in ${file}.csv`);
  }
  return { ...good, [file]: text.slice(0, at) + to + text.slice(at + from.length) };
}

function lineOf(file: DataFileName, startsWith: string): number {
  const lines = good[file].split("\n");
  const k = lines.findIndex((l) => l.startsWith(startsWith));
  if (k < 0) throw new Error(`test setup: no line starting ${startsWith} in ${file}.csv`);
  return k + 1;
}

/** The problems `parseDataset` reports, each one `Issue` (and `readDataset`'s the same). */
function issuesOf(files: DataFiles): Issue[] {
  const { issues } = readDataset(files);
  const result = parseDataset(files);
  if (result.ok) throw new Error("expected issues, got a dataset");
  expect(result.issues).toEqual(issues);
  return issues;
}

/** The issue expected at a cell: `data/<file>:<line> [column]`, the cell's value first. */
function at(cell: { file: string; row: number; column: string; value: string; message: string }) {
  const { file, row, column, value, message } = cell;
  return {
    path: `data/${file}:${row}${column === "" ? "" : ` [${column}]`}`,
    message: value === "" ? message : `${JSON.stringify(value)}: ${message}`,
  };
}

const OWNER_IDS = "sodexo, interserve, working-links, rrp, mtc-novo, seetec, people-plus, arcc";

describe("parseDataset", () => {
  it("accepts the shipped data", () => {
    const result = parseDataset(good);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it("answers with the one Result: the dataset, or each problem at data/<file>:<line> [column] (issue #13)", () => {
    expect(parseDataset(good)).toMatchObject({ ok: true, value: { crcs: expect.any(Array) } });
    const files = broken(
      "crcs",
      "northumbria,Northumbria,sodexo,",
      "northumbria,Northumbria,sodexho,",
    );
    const result = parseDataset(files);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      `data/crcs.csv:2 [owner_id]: "sodexho" is not one of ${OWNER_IDS} (did you mean "sodexo"?)`,
      'data/owners.csv:2 [crc_count]: "6": owner sodexo has 5 CRCs in crcs.csv but crc_count says 6',
    ]);
  });

  it("names an unknown owner id, and the owner whose CRC count no longer matches", () => {
    const files = broken(
      "crcs",
      "northumbria,Northumbria,sodexo,",
      "northumbria,Northumbria,sodexho,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "crcs.csv",
        row: 2,
        column: "owner_id",
        value: "",
        message: `"sodexho" is not one of ${OWNER_IDS} (did you mean "sodexo"?)`,
      }),
      at({
        file: "owners.csv",
        row: 2,
        column: "crc_count",
        value: "6",
        message: "owner sodexo has 5 CRCs in crcs.csv but crc_count says 6",
      }),
    ]);
  });

  it("names an unknown owner id in a figure's scope", () => {
    const files = broken("figures", "owner:mtc-novo,2018-03", "owner:mtc,2018-03");
    expect(issuesOf(files)).toEqual([
      at({
        file: "figures.csv",
        row: lineOf("figures", "owner.crcCount.mtcNovo,"),
        column: "scope",
        value: "",
        message: `"mtc" is not one of ${OWNER_IDS}`,
      }),
    ]);
  });

  it("names a CRC id that is not in crcs.csv, with a hint (the issues kit's oneOf words)", () => {
    const files = broken(
      "parameters",
      "redundancy.weeksPerYear,bgsw,",
      "redundancy.weeksPerYear,bgws,",
    );
    const [issue] = issuesOf(files);
    expect(issue).toEqual({
      path: `data/parameters.csv:${lineOf("parameters", "redundancy.weeksPerYear,bgsw,")} [crc]`,
      message: expect.stringMatching(
        /^"bgws" is not one of .* \(did you mean "bgsw"\?\), or blank \(all CRCs\)$/,
      ),
    });
  });

  it("names a unit that is not in the vocabulary", () => {
    const files = broken("parameters", "ffs.upsideCap,,share,", "ffs.upsideCap,,fraction,");
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ffs.upsideCap,"),
        column: "unit",
        value: "",
        message:
          '"fraction" is not one of GBP, GBP_per_year, GBP_per_point, share, ratio, percent, ' +
          "points, FTE, people, people_per_FTE, … and 6 more",
      }),
    ]);
  });

  it("names a unit mismatch: a money parameter whose unit is share", () => {
    const files = broken(
      "parameters",
      "ict.compensationTotal,,GBP,",
      "ict.compensationTotal,,share,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ict.compensationTotal,"),
        column: "unit",
        value: "share",
        message: "unit mismatch: ict.compensationTotal is read by the engine as GBP, not share",
      }),
    ]);
  });

  it("names a source id that is not in sources.csv", () => {
    const files = broken(
      "parameters",
      "ict.crcCount,,count,17,0,21,17,17,sourced,pac-hc484-2016-09-16,",
      "ict.crcCount,,count,17,0,21,17,17,sourced,pac-hc999,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ict.crcCount,"),
        column: "source_id",
        value: "pac-hc999",
        message: 'missing source: "pac-hc999" is not an id in sources.csv',
      }),
    ]);
  });

  it("names a blank source where the status requires one", () => {
    const files = broken(
      "parameters",
      "ict.crcCount,,count,17,0,21,17,17,sourced,pac-hc484-2016-09-16,",
      "ict.crcCount,,count,17,0,21,17,17,sourced,,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ict.crcCount,"),
        column: "source_id",
        value: "",
        message: "missing source: source_id is required when status is sourced",
      }),
    ]);
  });

  it("names a figure without a source", () => {
    const files = broken(
      "figures",
      "Paid by MoJ to CRCs for the late ICT 'strategic partner gateway',pac-hc484-2016-09-16,",
      "Paid by MoJ to CRCs for the late ICT 'strategic partner gateway',,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "figures.csv",
        row: lineOf("figures", "ict.compensationTotal,"),
        column: "source_id",
        value: "",
        message: "missing source: source_id is required for every figure",
      }),
    ]);
  });

  it("names an assumed parameter without a reason", () => {
    const line = good.parameters.split("\n").find((l) => l.startsWith("ffs.upsideCap,"))!;
    const cells = line.split(",");
    const files = broken(
      "parameters",
      line,
      [...cells.slice(0, 11), '""', "Cap", "contract"].join(","),
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ffs.upsideCap,"),
        column: "reason",
        value: "",
        message: "required: an assumed parameter needs a reason (the judgement)",
      }),
    ]);
  });

  it("names a default outside its low–high range", () => {
    const files = broken(
      "parameters",
      "cost.fixedShare,,share,0.77,",
      "cost.fixedShare,,share,0.9,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "cost.fixedShare,"),
        column: "default",
        value: "0.9",
        message: "value outside its range: default 0.9 is outside low–high [0.7, 0.85]",
      }),
    ]);
  });

  it("names a low outside its min–max range", () => {
    const files = broken(
      "parameters",
      "pbr.cashLagMonths,,months,24,12,36,21,",
      "pbr.cashLagMonths,,months,24,12,36,6,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "pbr.cashLagMonths,"),
        column: "low",
        value: "6",
        message: "value outside its range: low 6 is outside min–max [12, 36]",
      }),
    ]);
  });

  it("orders months as months: a variation start after its max", () => {
    const files = broken(
      "parameters",
      "variation.start,,date_month,2017-08,2015-02,2022-03,2017-08,2017-08,",
      "variation.start,,date_month,2017-08,2015-02,2022-03,2017-08,2023-01,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "variation.start,"),
        column: "high",
        value: "2023-01",
        message: "value outside its range: high 2023-01 is outside min–max [2015-02, 2022-03]",
      }),
    ]);
  });

  it("names a value outside what its unit allows", () => {
    const files = broken(
      "figures",
      "serviceCredits.waivedShare,0.71,",
      "serviceCredits.waivedShare,71,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "figures.csv",
        row: lineOf("figures", "serviceCredits.waivedShare,"),
        column: "value",
        value: "71",
        message: "out of range for unit share: must be at most 1",
      }),
    ]);
  });

  it("names a duplicate parameter id, citing the line of the first", () => {
    const line = good.parameters.split("\n").find((l) => l.startsWith("ict.crcCount,"))!;
    const files = broken("parameters", line, `${line}\n${line}`);
    const first = lineOf("parameters", "ict.crcCount,");
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: first + 1,
        column: "id",
        value: "ict.crcCount",
        message: `duplicate id "ict.crcCount": already defined on line ${first}`,
      }),
    ]);
  });

  it("names a duplicate per-CRC parameter by id and CRC", () => {
    const line = good.parameters.split("\n").find((l) => l.startsWith("size.annualPrice,dtv,"))!;
    const files = broken("parameters", line, `${line}\n${line}`);
    const first = lineOf("parameters", "size.annualPrice,dtv,");
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: first + 1,
        column: "id",
        value: "size.annualPrice (crc dtv)",
        message: `duplicate id "size.annualPrice (crc dtv)": already defined on line ${first}`,
      }),
    ]);
  });

  it("names a duplicate CRC id", () => {
    const files = broken("crcs", "essex,Essex,sodexo,", "kss,Essex,sodexo,");
    const issues = issuesOf(files);
    expect(issues[0]).toEqual(
      at({
        file: "crcs.csv",
        row: lineOf("crcs", "kss,"),
        column: "id",
        value: "kss",
        message: `duplicate id "kss": already defined on line ${lineOf("crcs", "essex,")}`,
      }),
    );
  });

  it("names a malformed number and says what a number looks like", () => {
    const files = broken(
      "parameters",
      "cost.staffShare,,share,0.65,",
      "cost.staffShare,,share,65%,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "cost.staffShare,"),
        column: "default",
        value: "65%",
        message:
          "malformed number: expected a plain decimal such as 0.2 or 14000000 (a fraction (0.2 = 20%))",
      }),
    ]);
  });

  it("names money with fractions of a penny", () => {
    const files = broken(
      "parameters",
      "ict.compensationTotal,,GBP,23100000,",
      "ict.compensationTotal,,GBP,23100000.005,",
    );
    expect(issuesOf(files)).toEqual([
      at({
        file: "parameters.csv",
        row: lineOf("parameters", "ict.compensationTotal,"),
        column: "default",
        value: "23100000.005",
        message: "malformed number: money (GBP) has at most 2 decimals",
      }),
    ]);
  });

  it("names a missing column once, not once per row", () => {
    const header = good.owners.split("\n")[0]!;
    const files = broken("owners", header, header.replace(",locator", ""));
    expect(issuesOf(files)).toEqual([
      at({
        file: "owners.csv",
        row: 1,
        column: "locator",
        value: "",
        message:
          'missing column "locator"; the header must be: id,name,kind,members,crc_count,later_change,source_id,locator',
      }),
    ]);
  });

  it("reports every issue in every file, not only the first", () => {
    let files = broken("parameters", "cost.staffShare,,share,0.65,", "cost.staffShare,,share,x,");
    files = {
      ...files,
      crcs: files.crcs.replace(
        "dtv,Durham Tees Valley (DTV),arcc,",
        "dtv,Durham Tees Valley (DTV),acc,",
      ),
    };
    files = {
      ...files,
      sources: files.sources.replace("\nbbc-2014-12-05,press,", "\nbbc-2014-12-05,tv,"),
    };
    const where = issuesOf(files).map((i) => i.path.replace(/:\d+ \[/, ":").replace(/\]$/, ""));
    expect(where).toEqual(
      expect.arrayContaining([
        "data/sources.csv:kind",
        "data/crcs.csv:owner_id",
        "data/owners.csv:crc_count",
        "data/parameters.csv:default",
      ]),
    );
  });
});
