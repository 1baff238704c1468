import { RESERVED_KEYS } from "../../src/issues/describe-value.ts";
import type { Issue } from "../../src/issues/issue.ts";
import fc from "fast-check";
import type { Dataset } from "../../src/data/index.ts";
import { main } from "../../src/cli/main.ts";
import { numberOption, parseArguments, PLAIN_DECIMAL } from "../../src/cli/command-arguments.ts";
import { parseJsonText } from "../../src/cli/scenario-argument.ts";
import type { Ledger } from "../../src/engine/ledger.ts";
import { MONEY_LINES } from "../../src/engine/lines.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { PRESET_IDS } from "../../src/scenario/presets.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
import { SCENARIO_KEYS } from "../../src/scenario/scenario.ts";
import { summarize } from "../../src/scenario/summarize.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runMonteCarlo } from "../../src/uncertainty/run-monte-carlo.ts";
import { scenarioInputs } from "./scenario-inputs.ts";

/**
 * The adversarial suite (issue #15 "No silent wrong answers"): arbitrary JSON through
 * parse → validate → project, and arbitrary words through the command line's argument parser.
 * Nothing may throw; every accepted scenario projects to finite whole pence (the float path on
 * every one, the exact path on a sample, and there the two agree cell by cell; a small Monte
 * Carlo on a sample gives numbers, not nulls); every refusal names a path; every accepted
 * command line has only known options, each once, with a value.
 */
export interface FuzzOptions {
  /** Scenario documents to try. */
  readonly scenarios: number;
  /** Argument vectors for the parser, and command lines run through `main`. */
  readonly argumentVectors: number;
  readonly commandLines: number;
  readonly seed: number;
  /** Project every n-th accepted scenario on the exact path (and Monte Carlo every n-th). */
  readonly exactEvery: number;
  readonly monteCarloEvery: number;
}

export interface FuzzFigures {
  inputsTried: number;
  scenarios: number;
  accepted: number;
  refused: number;
  exactChecked: number;
  monteCarloRuns: number;
  argumentVectors: number;
  commandLines: number;
  crashes: number;
  wrongAccepts: number;
  unnamedRefusals: number;
  /** The first few failures, each with its input (cut), for the report. */
  readonly failures: string[];
}

const MESSAGE_MAX = 2000;
const show = (value: unknown) => {
  let text: string;
  try {
    text = JSON.stringify(value, (_, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
    );
  } catch {
    text = String(value);
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/**
 * The most any line may add up to over the contract, nationally, in pence: £1 trillion, over
 * 300 times the £3bn the 21 CRCs' bid prices add up to over the contract. An answer beyond it
 * is absurd however it was reached (0.001 FTE with the workload feedback on gave −£50.8
 * trillion, issue #13, still whole pence).
 */
export const PLAUSIBLE_TOTAL_PENCE = 1e14;

/**
 * The problems of a ledger: every money cell a safe whole number, every line's national total
 * plausible (`PLAUSIBLE_TOTAL_PENCE`), FTE and caseload finite.
 */
function ledgerProblems(ledger: Ledger): string[] {
  const problems: string[] = [];
  for (const line of MONEY_LINES) {
    const cells = ledger.money[line];
    let total = 0;
    for (let i = 0; i < cells.length; i++) {
      if (!Number.isSafeInteger(cells[i])) {
        problems.push(`${line}[${i}] = ${cells[i]}`);
        break;
      }
      total += cells[i]!;
    }
    if (!(Math.abs(total) <= PLAUSIBLE_TOTAL_PENCE))
      problems.push(`${line} adds up to ${total} pence nationally`);
  }
  for (const [name, cells] of [
    ["fte", ledger.fte],
    ["caseload", ledger.caseload],
  ] as const)
    if (cells.some((x) => !Number.isFinite(x) || x < 0)) problems.push(`${name} not finite`);
  return problems;
}

/** Whether an issue names a path: one into the document (a key it has or a scenario key), or
 * the data file, and says what is wrong; "" only for a document that is not an object. */
function unnamed(issue: Issue, doc: unknown): string | undefined {
  if (typeof issue.path !== "string" || typeof issue.message !== "string" || issue.message === "")
    return "no path or message";
  if (issue.path.length + issue.message.length > MESSAGE_MAX) return "message too long";
  const isObject = typeof doc === "object" && doc !== null && !Array.isArray(doc);
  if (issue.path === "") return isObject ? "empty path for an object" : undefined;
  if (issue.path === "data/parameters.csv") return undefined;
  const keys = isObject ? Object.keys(doc) : [];
  // A key of the document (or of the schema) begins the path: whole, cut (long keys), or "".
  const starts = (k: string) => {
    const shown = k === "" ? '""' : k.length > 80 ? k.slice(0, 80) : k;
    return issue.path === shown || issue.path.startsWith(k.length > 80 ? shown : `${shown}.`);
  };
  return [...SCENARIO_KEYS, ...keys].some(starts)
    ? undefined
    : `path "${issue.path.slice(0, 100)}" is not in the document`;
}

/** Try scenario documents: validate, project, compare, sample Monte Carlo. */
function fuzzScenarios(dataset: Dataset, options: FuzzOptions, figures: FuzzFigures) {
  const fail = (
    kind: "crashes" | "wrongAccepts" | "unnamedRefusals",
    what: string,
    doc: unknown,
  ) => {
    figures[kind]++;
    if (figures.failures.length < 10)
      figures.failures.push(`${kind}: ${what}\n  input: ${show(doc)}`);
  };
  const batch = 500;
  for (let from = 0; from < options.scenarios; from += batch) {
    const docs = fc.sample(scenarioInputs(dataset), {
      numRuns: Math.min(batch, options.scenarios - from),
      seed: options.seed + from,
    });
    for (const doc of docs) {
      figures.scenarios++;
      figures.inputsTried++;
      let result;
      try {
        result = validateScenario(doc, dataset);
      } catch (error) {
        fail("crashes", `validateScenario threw ${String(error)}`, doc);
        continue;
      }
      if (!result.ok) {
        figures.refused++;
        // projectScenario takes the document the same way (a look-alike of a resolved
        // scenario is validated, never projected): refused too, never thrown
        if (figures.refused % 5 === 0) {
          try {
            if (projectScenario(doc, dataset).ok)
              fail(
                "wrongAccepts",
                "refused by validateScenario, projected by projectScenario",
                doc,
              );
          } catch (error) {
            fail("crashes", `projectScenario threw ${String(error)}`, doc);
          }
        }
        if (result.issues.length === 0) fail("unnamedRefusals", "refused with no issue", doc);
        for (const issue of result.issues) {
          const problem = unnamed(issue, doc);
          if (problem !== undefined) {
            fail("unnamedRefusals", `${problem}: ${show(issue)}`, doc);
            break;
          }
        }
        continue;
      }
      figures.accepted++;
      const reserved = reservedKeyIn(doc);
      if (reserved !== undefined) fail("wrongAccepts", `accepted with a key "${reserved}"`, doc);
      try {
        const float = projectFloat(result.value.inputs);
        const problems = ledgerProblems(float);
        if (problems.length > 0) {
          fail("wrongAccepts", `float path: ${problems.join("; ")}`, doc);
          continue;
        }
        if (figures.accepted % options.exactEvery === 0) {
          figures.exactChecked++;
          const exact = projectScenario(result.value, dataset);
          if (!exact.ok) {
            fail("wrongAccepts", "accepted, then refused by projectScenario", doc);
            continue;
          }
          const ledger = exact.value.ledger;
          const exactProblems = ledgerProblems(ledger);
          for (const line of MONEY_LINES) {
            const i = ledger.money[line].findIndex((x, k) => x !== float.money[line][k]);
            if (i >= 0)
              exactProblems.push(
                `${line}[${i}]: exact ${ledger.money[line][i]}, float ${float.money[line][i]}`,
              );
          }
          const summary = summarize(ledger, null, result.value.hash);
          if (!Number.isSafeInteger(summary.crcProfitPence))
            exactProblems.push("summary not whole pence");
          if (exactProblems.length > 0)
            fail("wrongAccepts", `exact path: ${exactProblems.join("; ")}`, doc);
        }
        if (figures.accepted % options.monteCarloEvery === 0) {
          figures.monteCarloRuns++;
          const mc = runMonteCarlo(result.value, dataset, { draws: 2, seed: figures.accepted });
          if (!mc.ok) {
            for (const issue of mc.issues)
              if (typeof issue.path !== "string" || issue.message === "")
                fail("unnamedRefusals", `Monte Carlo: ${show(issue)}`, doc);
          } else if (JSON.stringify({ ...mc.value, scenario: "" }).includes("null"))
            fail("wrongAccepts", "Monte Carlo gave null statistics", doc);
        }
      } catch (error) {
        fail("crashes", `projection threw ${String(error)}`, doc);
      }
    }
  }
}

/** A reserved key (`__proto__`, …) anywhere in the document's own keys, if any. */
function reservedKeyIn(value: unknown, depth = 0): string | undefined {
  if (typeof value !== "object" || value === null || depth > 6) return undefined;
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.includes(key)) return key;
    const inner = reservedKeyIn((value as Record<string, unknown>)[key], depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

const COMMANDS = ["run", "summary", "validate", "mc", "tornado", "grid", "breakeven", "explain"];
const OPTION_TABLES: Record<string, readonly string[]> = {
  run: ["format", "out", "by"],
  mc: ["draws", "seed", "format", "shape", "correlation", "fan"],
  grid: ["output", "line", "period", "x", "y", "steps", "x-range", "y-range", "format"],
};

/** Words for command lines: anything, and flags and values the commands know. */
const word = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...Object.values(OPTION_TABLES)
        .flat()
        .map((o) => `--${o}`),
      "--",
      "-",
      "--help",
      "-x",
      "--out=",
      "--draws=-1",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "-1",
      "0",
      "1",
      "0x10",
      "1e3",
      " 5",
      "Infinity",
      "-0.5",
      "0.25",
      "",
      "csv",
      "json",
      "fy",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => "w".repeat(n)) },
);

/** Try argument vectors on the parser and command lines through `main` (no valid scenario, so
 * each stops at its arguments or its scenario: cheap, and nothing is written). */
async function fuzzCommandLine(options: FuzzOptions, figures: FuzzFigures) {
  const fail = (kind: "crashes" | "wrongAccepts", what: string, input: unknown) => {
    figures[kind]++;
    if (figures.failures.length < 10)
      figures.failures.push(`${kind}: ${what}\n  input: ${show(input)}`);
  };
  const vectors = fc.sample(
    fc.tuple(fc.constantFrom(...Object.keys(OPTION_TABLES)), fc.array(word, { maxLength: 8 })),
    { numRuns: options.argumentVectors, seed: options.seed + 1 },
  );
  for (const [command, args] of vectors) {
    figures.argumentVectors++;
    figures.inputsTried++;
    const table = Object.fromEntries(
      OPTION_TABLES[command]!.map((o) => [o, { type: "string" as const }]),
    );
    let parsed;
    try {
      parsed = parseArguments(args, table);
    } catch (error) {
      fail("crashes", `parseArguments threw ${String(error)}`, args);
      continue;
    }
    if (!parsed.ok) continue;
    // Accepted: only known options, each at most once before "--", each with a value.
    const end = args.indexOf("--");
    const before = end < 0 ? args : args.slice(0, end);
    for (const [name, value] of Object.entries(parsed.value.values)) {
      const given = before.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length;
      if (!(name in table) || value === "" || value === undefined || given > 1)
        fail("wrongAccepts", `parser accepted --${name}=${String(value)} (${given} times)`, args);
      // a number option reads plain decimals only (mc --correlation; was the ffs command's check)
      if (typeof value === "string" && numberOption(name, value, -1e12, 1e12, []) !== undefined)
        if (!PLAIN_DECIMAL.test(value))
          fail("wrongAccepts", `--${name} read ${value}, not a plain decimal`, args);
    }
  }
  // JSON text as the CLI reads it: never a throw, a BOM allowed.
  for (const text of fc.sample(
    fc.oneof(
      fc.string(),
      fc.json().map((j) => `\uFEFF${j}`),
    ),
    {
      numRuns: Math.ceil(options.argumentVectors / 4),
      seed: options.seed + 2,
    },
  )) {
    figures.inputsTried++;
    try {
      const parsed = parseJsonText(text, "fuzz.json");
      if (text.startsWith("\uFEFF") && !parsed.ok && isJson(text.slice(1)))
        fail("wrongAccepts", "JSON after a byte order mark refused", text);
    } catch (error) {
      fail("crashes", `parseJsonText threw ${String(error)}`, text);
    }
  }
  const lines = fc.sample(
    fc.tuple(
      fc.oneof(fc.constantFrom(...COMMANDS), fc.string({ maxLength: 8 })),
      fc.array(word, { maxLength: 6 }).filter(
        // no preset and no .json file: every command stops before any projection
        (args) => !args.some((a) => PRESET_IDS.includes(a) || a.endsWith(".json")),
      ),
    ),
    { numRuns: options.commandLines, seed: options.seed + 3 },
  );
  for (const [command, args] of lines) {
    figures.commandLines++;
    figures.inputsTried++;
    let stdout = "";
    let stderr = "";
    try {
      const code = await main([command, ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      });
      const messages = stderr.split("\n").filter((l) => l !== "");
      if (code !== 0 && code !== 2) fail("wrongAccepts", `exit code ${code}`, [command, ...args]);
      if (code === 2 && !stderr.startsWith("crc-scenarios"))
        fail("wrongAccepts", "refused without a message", [command, ...args]);
      // the usage text is printed whole; every other line is one bounded problem
      if (!stderr.includes("usage:") && messages.some((m) => m.length > MESSAGE_MAX + 40))
        fail("wrongAccepts", "a message longer than 2,000 characters", [command, ...args]);
    } catch (error) {
      fail("crashes", `main threw ${String(error)}`, [command, ...args]);
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export async function runFuzz(dataset: Dataset, options: FuzzOptions): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    inputsTried: 0,
    scenarios: 0,
    accepted: 0,
    refused: 0,
    exactChecked: 0,
    monteCarloRuns: 0,
    argumentVectors: 0,
    commandLines: 0,
    crashes: 0,
    wrongAccepts: 0,
    unnamedRefusals: 0,
    failures: [],
  };
  fuzzScenarios(dataset, options, figures);
  await fuzzCommandLine(options, figures);
  return figures;
}

/** The figures as the report prints them. */
export function formatFigures(f: FuzzFigures, ms: number): string {
  return [
    `inputs tried      ${f.inputsTried}`,
    `  scenarios       ${f.scenarios} (accepted ${f.accepted}, refused ${f.refused}; exact path on ${f.exactChecked}, Monte Carlo on ${f.monteCarloRuns})`,
    `  command line    ${f.argumentVectors} argument vectors, ${f.commandLines} command lines, and JSON texts`,
    `crashes           ${f.crashes}`,
    `wrong accepts     ${f.wrongAccepts}`,
    `unnamed refusals  ${f.unnamedRefusals}`,
    `time              ${(ms / 1000).toFixed(1)} s`,
    ...f.failures,
  ].join("\n");
}
