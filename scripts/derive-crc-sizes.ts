/**
 * Derive the per-CRC size parameters that were never published, from the anchors that were.
 *
 *   npx tsx scripts/derive-crc-sizes.ts          rewrite the derived rows of data/parameters.csv
 *   npx tsx scripts/derive-crc-sizes.ts --check  exit 1 if data/parameters.csv is out of date
 *
 * Inputs: data/figures.csv (the published anchors, by figure id), data/crcs.csv (owners) and
 * data/crc-size-inputs.csv (the assumed proxies: a population weight for CRCs whose size must be
 * split out of a group total, and a rurality rank). Output: one parameters.csv row per CRC for
 * size.caseload2014, size.baselineWav, size.annualPrice, staff.fteJune2014 and
 * volume.shortfall.{2015-16,2016-17,2017-18}; staff.fteJune2017 where published (copied from
 * figures.csv); and the global workload.caseloadPerFteNorm.
 * Rows with those keys are replaced in place; new ones are appended; every other row is kept.
 *
 * The method (also in data/README.md):
 * 1. Reference caseload c_i (people supervised, about 2017-18, a real number):
 *    - published directly: DTV 3,700; SWM 13,500; Wales 9,000; KSS 8,600; Cumbria & Lancashire
 *      5,500; Norfolk & Suffolk 3,000; London = midpoint of 25,000-30,000; Thames Valley =
 *      34,000 (London + Thames Valley) − London.
 *    - the other four Sodexo CRCs: their Q3 2014-15 FTE × the cases per FTE of the two Sodexo
 *      CRCs with published caseloads ((5,500 + 3,000) / (337 + 190)).
 *    - the national caseload N = Sodexo's six / 0.18 (Sodexo supervises 18% of the total).
 *    - Interserve's five: 40,000 split by population weight.
 *    - the four left (DLNR, BGSW, DDC, WWM): N minus everything above, split by population weight.
 * 2. size.caseload2014 (people at contract start, integers): round(N / (1 + caseload.growth))
 *    split in proportion to c_i; caseload grew 20% from Q1 2015-16 to Q1 2017-18.
 * 3. size.baselineWav (index): 100,000 units nationally by convention, split in proportion to
 *    c_i. Only A/B enters the payment, so the national scale is immaterial.
 * 4. size.annualPrice (whole pounds a year): DTV £14,000,000 (published); Interserve's five
 *    round(£600m / 7) split by c_i; the other fifteen share £450m − both, by c_i.
 * 5. staff.fteJune2014 (FTE, integers): Sodexo's six take their Q3 2014-15 FTE (the nearest
 *    published count to June 2014); the other fifteen share 8,331 − Sodexo's total in proportion
 *    to their size.annualPrice (step 4), so price per FTE is the same outside Sodexo. Staff cost
 *    is the largest part of a CRC's cost base and the bid price was built on that cost base, so
 *    price and staff must be split by the same key; splitting FTE by c_i while the price anchors
 *    (DTV £14m, Interserve £600m/7) break proportionality to c_i would leave Interserve's staff
 *    costing about 90% of its price before any volume fell. Caseload stays split by c_i (it
 *    drives workload and PbR shares only).
 * 6. volume.shortfall.*: spread evenly by rurality rank r (1 = most urban) between the published
 *    minimum and maximum: s = min + (max − min)(r − 1)/20, for 2015-16 (6%-36%) and 2017-18
 *    (16%-48%); 2016-17 is the mean of the two.
 * 7. workload.caseloadPerFteNorm = Σ size.caseload2014 / 8,331 (the 2014 staffing norm).
 * Every split of an integer total uses largest-remainder rounding, so totals reconcile exactly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { csvParse, csvFormat } from "d3";
import Decimal from "decimal.js";
import { allocatePence as allocateLargestRemainder } from "../src/engine/allocate-pence.ts";
import { parseDataset } from "../src/data/parse-dataset.ts";
import { formatIssue } from "../src/issues/issue.ts";
import type { Dataset } from "../src/data/dataset.ts";
import { PARAMETER_COLUMNS } from "../src/data/columns.ts";

/** Precision well beyond any figure here; results are rounded explicitly, never implicitly. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
type D = InstanceType<typeof D>;

/** One assumed input row of data/crc-size-inputs.csv. */
export interface CrcSizeInput {
  crc: string;
  populationMillions: D | null;
  ruralityRank: number;
}

/** A parameters.csv row as cell text, in PARAMETER_COLUMNS order. */
export type ParameterRowCells = Record<(typeof PARAMETER_COLUMNS)[number], string>;

/** The real-valued reference caseload per CRC and the national total it implies (step 1). */
export interface ReferenceCaseloads {
  byCrc: Map<string, D>;
  national: D;
}

/** Whole pounds as a reader writes them, with separators: "£350,285,714" (issue #16). */
const pounds = (amount: Decimal) =>
  `£${amount.toNumber().toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;

const DERIVATION = "scripts/derive-crc-sizes.ts; data/README.md";
const NATIONAL_WAV_UNITS = 100_000;

/** The published per-CRC caseloads used directly (figure id per CRC). */
const CASELOAD_FIGURE: Readonly<Record<string, string>> = {
  dtv: "caseload.dtv",
  swm: "caseload.swm",
  wales: "caseload.wales",
  kss: "caseload.kss",
  "cumbria-lancashire": "caseload.cumbriaLancashire",
  "norfolk-suffolk": "caseload.norfolkSuffolk",
};

/** Sodexo's six: the figure id of each CRC's Q3 2014-15 FTE (Napo evidence table). */
const SODEXO_FTE_FIGURE: Readonly<Record<string, string>> = {
  northumbria: "staff.fteQ3.northumbria",
  bench: "staff.fteQ3.bench",
  "south-yorkshire": "staff.fteQ3.southYorkshire",
  "cumbria-lancashire": "staff.fteQ3.cumbriaLancashire",
  essex: "staff.fteQ3.essex",
  "norfolk-suffolk": "staff.fteQ3.norfolkSuffolk",
};

function figure(dataset: Dataset, id: string): D {
  const f = dataset.figures.find((x) => x.id === id);
  if (!f || typeof f.value !== "number") {
    throw new Error(`derive-crc-sizes: figure ${id} missing or not numeric in data/figures.csv`);
  }
  return new D(f.valueText);
}

function sum(values: Iterable<D>): D {
  let s = new D(0);
  for (const v of values) s = s.plus(v);
  return s;
}

function crcsOf(dataset: Dataset, ownerId: string): string[] {
  return dataset.crcs.filter((c) => c.ownerId === ownerId).map((c) => c.id);
}

/** Split `total` over `crcs` in proportion to their population weights. */
function splitByPopulation(
  total: D,
  crcs: readonly string[],
  inputs: ReadonlyMap<string, CrcSizeInput>,
  byCrc: Map<string, D>,
): void {
  const weights = crcs.map((id) => {
    const w = inputs.get(id)?.populationMillions;
    if (!w) throw new Error(`derive-crc-sizes: ${id} needs population_millions in crc-size-inputs`);
    return w;
  });
  const totalWeight = sum(weights);
  crcs.forEach((id, k) => byCrc.set(id, total.times(weights[k]!).dividedBy(totalWeight)));
}

/** Step 1: the reference caseload of every CRC, from the anchors. */
export function referenceCaseloads(
  dataset: Dataset,
  inputs: ReadonlyMap<string, CrcSizeInput>,
): ReferenceCaseloads {
  const byCrc = new Map<string, D>();
  for (const [crc, id] of Object.entries(CASELOAD_FIGURE)) byCrc.set(crc, figure(dataset, id));
  const london = figure(dataset, "caseload.londonLow")
    .plus(figure(dataset, "caseload.londonHigh"))
    .dividedBy(2);
  byCrc.set("london", london);
  byCrc.set("thames-valley", figure(dataset, "caseload.londonThamesValley").minus(london));

  // Sodexo CRCs without a published caseload: scale their FTE by the cases per FTE of the two
  // that have one (FTE is the only published size measure common to all six).
  const sodexo = crcsOf(dataset, "sodexo");
  const withCaseload = sodexo.filter((id) => byCrc.has(id));
  const casesPerFte = sum(withCaseload.map((id) => byCrc.get(id)!)).dividedBy(
    sum(withCaseload.map((id) => figure(dataset, SODEXO_FTE_FIGURE[id]!))),
  );
  for (const id of sodexo.filter((x) => !byCrc.has(x))) {
    byCrc.set(id, figure(dataset, SODEXO_FTE_FIGURE[id]!).times(casesPerFte));
  }
  const national = sum(sodexo.map((id) => byCrc.get(id)!)).dividedBy(
    figure(dataset, "caseload.sodexoShare"),
  );

  splitByPopulation(
    figure(dataset, "caseload.interserve"),
    crcsOf(dataset, "interserve"),
    inputs,
    byCrc,
  );
  const rest = dataset.crcs.map((c) => c.id).filter((id) => !byCrc.has(id));
  const residual = national.minus(sum(byCrc.values()));
  if (residual.lte(0)) throw new Error("derive-crc-sizes: anchors leave no residual caseload");
  splitByPopulation(residual, rest, inputs, byCrc);
  return { byCrc, national };
}

/** Largest-remainder split of an integer total over `crcs`, in proportion to `weight` of each. */
function allocateByWeight(
  total: D,
  crcs: readonly string[],
  weight: (id: string) => D | number,
): Map<string, number> {
  if (!total.isInteger()) throw new Error(`derive-crc-sizes: ${total} is not a whole number`);
  const parts = allocateLargestRemainder(
    total.toNumber(),
    crcs.map((id) => new D(weight(id)).toString()),
  );
  return new Map(crcs.map((id, k) => [id, parts[k]!]));
}

/** Largest-remainder split of an integer total over `crcs`, in proportion to reference caseload. */
function allocateByCaseload(
  total: D,
  crcs: readonly string[],
  ref: ReferenceCaseloads,
): Map<string, number> {
  return allocateByWeight(total, crcs, (id) => ref.byCrc.get(id)!);
}

function scaled(value: D | number, factor: string): string {
  return new D(value).times(factor).toDecimalPlaces(0).toString();
}

interface RowSpec {
  id: string;
  crc: string;
  unit: string;
  value: D | number;
  status: "sourced" | "derived" | "assumed";
  sourceId: string;
  locator: string;
  reason: string;
  label: string;
  group: string;
  /** plausible range as factors of the default, e.g. ["0.8", "1.2"] */
  range: readonly [string, string];
  /** hard range as factors of the default */
  bounds: readonly [string, string];
}

function row(spec: RowSpec): ParameterRowCells {
  return {
    id: spec.id,
    crc: spec.crc,
    unit: spec.unit,
    default: new D(spec.value).toString(),
    min: scaled(spec.value, spec.bounds[0]),
    max: scaled(spec.value, spec.bounds[1]),
    low: scaled(spec.value, spec.range[0]),
    high: scaled(spec.value, spec.range[1]),
    status: spec.status,
    source_id: spec.sourceId,
    locator: spec.locator,
    reason: spec.reason,
    label: spec.label,
    group: spec.group,
  };
}

/** Steps 2-7: every derived parameter row. */
export function deriveCrcSizes(
  dataset: Dataset,
  inputs: ReadonlyMap<string, CrcSizeInput>,
): ParameterRowCells[] {
  const ref = referenceCaseloads(dataset, inputs);
  const all = dataset.crcs.map((c) => c.id);
  const sodexo = crcsOf(dataset, "sodexo");
  const interserve = crcsOf(dataset, "interserve");
  const rows: ParameterRowCells[] = [];
  const directCaseload = new Set([...Object.keys(CASELOAD_FIGURE), "london", "thames-valley"]);

  // 2. caseload at contract start
  const growth = figure(dataset, "caseload.growth");
  const caseloadTotal = ref.national.dividedBy(growth.plus(1)).toDecimalPlaces(0);
  const caseload = allocateByCaseload(caseloadTotal, all, ref);
  for (const id of all) {
    const direct = directCaseload.has(id);
    rows.push(
      row({
        id: "size.caseload2014",
        crc: id,
        unit: "people",
        value: caseload.get(id)!,
        status: "derived",
        sourceId: "hmip-crc-inspections-2017-2019",
        locator: DERIVATION,
        reason:
          `People supervised at contract start (Q1 2015-16): the national ${caseloadTotal} ` +
          `(= ${ref.national.toDecimalPlaces(0)} reference caseload / (1 + ${growth} growth)) ` +
          `split by reference caseload ${ref.byCrc.get(id)!.toDecimalPlaces(0)}, which is ` +
          (direct
            ? "published for this CRC (inspectorate, 2017-19)."
            : "estimated (Sodexo FTE ratio, or population share of a group total or the residual).") +
          (direct ? " Range ±15%." : " Range ±30%."),
        label: "Caseload at contract start",
        group: "volumes",
        range: direct ? ["0.85", "1.15"] : ["0.7", "1.3"],
        bounds: ["0", "3"],
      }),
    );
  }

  // 3. baseline weighted annualised volume
  const wav = allocateByCaseload(new D(NATIONAL_WAV_UNITS), all, ref);
  for (const id of all) {
    rows.push(
      row({
        id: "size.baselineWav",
        crc: id,
        unit: "index",
        value: wav.get(id)!,
        status: "derived",
        sourceId: "hmip-crc-inspections-2017-2019",
        locator: DERIVATION,
        reason:
          `Predicted weighted annualised volume B in units of 1/${NATIONAL_WAV_UNITS} of the ` +
          "national total (a convention: only A/B enters the payment), split by reference caseload.",
        label: "Baseline weighted volume (WAV units)",
        group: "volumes",
        range: ["1", "1"],
        bounds: ["0.1", "3"],
      }),
    );
  }

  // 4. annual price
  const national = figure(dataset, "contract.annualValueNational");
  const dtvPrice = figure(dataset, "price.dtvAnnual");
  const interserveTotal = figure(dataset, "price.interserveSevenYears")
    .dividedBy(7)
    .toDecimalPlaces(0);
  const others = all.filter((id) => id !== "dtv" && !interserve.includes(id));
  const price = new Map<string, number>([["dtv", dtvPrice.toNumber()]]);
  for (const [id, p] of allocateByCaseload(interserveTotal, interserve, ref)) price.set(id, p);
  const othersTotal = national.minus(dtvPrice).minus(interserveTotal);
  for (const [id, p] of allocateByCaseload(othersTotal, others, ref)) price.set(id, p);
  for (const id of all) {
    const spec = {
      id: "size.annualPrice",
      crc: id,
      unit: "GBP_per_year",
      value: price.get(id)!,
      label: "Annual price as let",
      group: "contract",
      bounds: ["0", "2"] as const,
    };
    if (id === "dtv") {
      rows.push(
        row({
          ...spec,
          status: "sourced",
          sourceId: "northern-echo-2014-12",
          locator:
            "article: about £14m a year, nearly £100m over seven years (figure price.dtvAnnual)",
          reason: "Range ±10% assumed around 'about £14m'.",
          range: ["0.9", "1.1"],
        }),
      );
    } else if (interserve.includes(id)) {
      rows.push(
        row({
          ...spec,
          status: "derived",
          sourceId: "interserve-2014-12-18",
          locator: DERIVATION,
          reason:
            `Interserve's five CRCs share ${pounds(interserveTotal)} a year (£600m over seven years / 7) ` +
            "in proportion to reference caseload. Range ±15%.",
          range: ["0.85", "1.15"],
        }),
      );
    } else {
      rows.push(
        row({
          ...spec,
          status: "derived",
          sourceId: "bbc-2014-12-05",
          locator: DERIVATION,
          reason:
            `The fifteen CRCs outside DTV and Interserve share ${pounds(othersTotal)} a year ` +
            `(${pounds(national)} national − ${pounds(dtvPrice)} DTV − ${pounds(interserveTotal)} Interserve) ` +
            "in proportion to reference caseload. Range ±25%.",
          range: ["0.75", "1.25"],
        }),
      );
    }
  }

  // 5. FTE at 30 June 2014
  const fteNational = figure(dataset, "staff.fteJune2014National");
  const fte = new Map<string, number>();
  for (const id of sodexo) fte.set(id, figure(dataset, SODEXO_FTE_FIGURE[id]!).toNumber());
  const nonSodexo = all.filter((id) => !sodexo.includes(id));
  const nonSodexoFte = fteNational.minus(sum(sodexo.map((id) => new D(fte.get(id)!))));
  // Split by price, not caseload: the bid price was built on the cost base, mostly staff.
  for (const [id, n] of allocateByWeight(nonSodexoFte, nonSodexo, (x) => price.get(x)!)) {
    fte.set(id, n);
  }
  for (const id of all) {
    const isSodexo = sodexo.includes(id);
    rows.push(
      row({
        id: "staff.fteJune2014",
        crc: id,
        unit: "FTE",
        value: fte.get(id)!,
        status: "derived",
        sourceId: isSodexo ? "napo-evidence-2018-03-19" : "gyimah-written-answer-2017-11-03",
        locator: DERIVATION,
        reason: isSodexo
          ? "Sodexo table: staff in post FTE at Q3 2014-15, the nearest published count to " +
            "June 2014 (taken as equal). Range ±5%."
          : `The fifteen non-Sodexo CRCs share ${nonSodexoFte} FTE (8,331 national − Sodexo's ` +
            "six) in proportion to annual price (size.annualPrice), so price per FTE is the " +
            "same for all fifteen. Range ±20%.",
        label: "Staff at 30 June 2014 (FTE)",
        group: "staffing",
        range: isSodexo ? ["0.95", "1.05"] : ["0.8", "1.2"],
        bounds: ["0", "3"],
      }),
    );
  }

  // 5b. FTE at June 2017, where published (Sodexo's six): copied from figures.csv so the
  // engine reads one place; low = high = the published count.
  for (const id of sodexo) {
    const figureId = SODEXO_FTE_FIGURE[id]!.replace("staff.fteQ3.", "staff.fteJune2017.");
    rows.push(
      row({
        id: "staff.fteJune2017",
        crc: id,
        unit: "FTE",
        value: figure(dataset, figureId),
        status: "sourced",
        sourceId: "napo-evidence-2018-03-19",
        locator: `section 1 'Sodexo' table (figure ${figureId})`,
        reason: "",
        label: "Staff at June 2017 (FTE)",
        group: "staffing",
        range: ["1", "1"],
        bounds: ["0", "3"],
      }),
    );
  }

  // 6. volume shortfall by rurality rank
  const lastRank = all.length;
  const spread = (year: string, rank: number): D => {
    const lo = figure(dataset, `volume.shortfallMin.${year}`);
    const hi = figure(dataset, `volume.shortfallMax.${year}`);
    return lo.plus(
      hi
        .minus(lo)
        .times(rank - 1)
        .dividedBy(lastRank - 1),
    );
  };
  for (const year of ["2015-16", "2016-17", "2017-18"] as const) {
    const lo = figure(dataset, `volume.shortfallMin.${year === "2016-17" ? "2015-16" : year}`);
    const hi = figure(dataset, `volume.shortfallMax.${year === "2016-17" ? "2017-18" : year}`);
    for (const id of all) {
      const rank = inputs.get(id)?.ruralityRank;
      if (!rank) throw new Error(`derive-crc-sizes: ${id} needs rurality_rank in crc-size-inputs`);
      const value =
        year === "2016-17"
          ? spread("2015-16", rank).plus(spread("2017-18", rank)).dividedBy(2)
          : spread(year, rank);
      rows.push({
        id: `volume.shortfall.${year}`,
        crc: id,
        unit: "share",
        default: value.toString(),
        min: "-0.5",
        max: "0.9",
        low: lo.toString(),
        high: hi.toString(),
        status: "assumed",
        source_id: year === "2015-16" ? "pac-hc484-2016-09-16" : "nao-hc676-2017-12-19",
        locator: year === "2015-16" ? "para 8" : "report summary (FIGURES.md 'Volumes')",
        reason:
          year === "2016-17"
            ? "Mean of this CRC's 2015-16 and 2017-18 values (no 2016-17 figure is published). " +
              "Range: the 2015-16 minimum to the 2017-18 maximum."
            : `Shortfall of paid (weighted) volume vs baseline. Only the national range is ` +
              `published (${lo}-${hi}); CRCs are spread evenly across it by an assumed rurality ` +
              `rank (${rank} of ${lastRank}, 1 = most urban) because the fall was more pronounced ` +
              "in rural areas (PAC HC 484 para 8). Range: the published national range.",
        label: `Volume shortfall ${year}`,
        group: "volumes",
      });
    }
  }

  // 7. the 2014 workload norm
  const norm = sum([...caseload.values()].map((n) => new D(n)))
    .dividedBy(fteNational)
    .toDecimalPlaces(2);
  rows.push({
    id: "workload.caseloadPerFteNorm",
    crc: "",
    unit: "people_per_FTE",
    default: norm.toString(),
    min: "1",
    max: "100",
    low: norm.times("0.9").toDecimalPlaces(2).toString(),
    high: norm.times("1.1").toDecimalPlaces(2).toString(),
    status: "derived",
    source_id: "gyimah-written-answer-2017-11-03",
    locator: DERIVATION,
    reason:
      "The 2014 staffing norm (workload index 100%): national caseload at contract start " +
      `(Σ size.caseload2014) / 8,331 FTE (all staff, not only case managers), to 2 decimals. ` +
      "Range ±10%.",
    label: "Caseload per FTE at the 2014 norm",
    group: "staffing",
  });
  return rows;
}

/** Parse data/crc-size-inputs.csv (assumed proxies; see its reason column). */
export function parseCrcSizeInputs(text: string): Map<string, CrcSizeInput> {
  const out = new Map<string, CrcSizeInput>();
  csvParse(text).forEach((r, k) => {
    const line = k + 2;
    const crc = r.crc ?? "";
    const rank = Number(r.rurality_rank);
    if (!Number.isInteger(rank) || rank < 1) {
      throw new Error(
        `data/crc-size-inputs.csv row ${line} column rurality_rank: ${r.rurality_rank}`,
      );
    }
    const pop = r.population_millions?.trim() ? new D(r.population_millions) : null;
    out.set(crc, { crc, populationMillions: pop, ruralityRank: rank });
  });
  return out;
}

/** Replace rows with the same (id, crc) in place; append the rest; keep every other row. */
export function mergeDerivedRows(
  existing: readonly ParameterRowCells[],
  derived: readonly ParameterRowCells[],
): ParameterRowCells[] {
  const key = (r: ParameterRowCells) => `${r.id}\u0000${r.crc}`;
  const byKey = new Map(derived.map((r) => [key(r), r]));
  const merged = existing.map((r) => byKey.get(key(r)) ?? r);
  const present = new Set(existing.map(key));
  return [...merged, ...derived.filter((r) => !present.has(key(r)))];
}

function readDataFiles(
  dir: string,
): Record<"sources" | "owners" | "crcs" | "figures" | "parameters", string> {
  const read = (name: string) => readFileSync(join(dir, `${name}.csv`), "utf8");
  return {
    sources: read("sources"),
    owners: read("owners"),
    crcs: read("crcs"),
    figures: read("figures"),
    parameters: read("parameters"),
  };
}

function main(argv: readonly string[]): number {
  const dir = "data";
  const files = readDataFiles(dir);
  const result = parseDataset(files);
  if (!result.ok) {
    for (const i of result.issues) console.error(formatIssue(i));
    return 1;
  }
  const inputs = parseCrcSizeInputs(readFileSync(join(dir, "crc-size-inputs.csv"), "utf8"));
  const derived = deriveCrcSizes(result.value, inputs);
  const existing = csvParse(files.parameters) as unknown as ParameterRowCells[];
  const text = csvFormat(mergeDerivedRows(existing, derived), [...PARAMETER_COLUMNS]) + "\n";
  if (argv.includes("--check")) {
    if (text !== files.parameters) {
      console.error("data/parameters.csv is out of date: run npx tsx scripts/derive-crc-sizes.ts");
      return 1;
    }
    console.log("data/parameters.csv derived rows are up to date");
    return 0;
  }
  writeFileSync(join(dir, "parameters.csv"), text);
  console.log(`wrote ${derived.length} derived rows to data/parameters.csv`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
