import type { Attribution } from "./attribute-delta.ts";
import { keptTogetherText } from "./coupled-parameters.ts";
import { formatPence } from "./format-tree.ts";

/** How the shares were found, in words (the CLI, the site's panel and its copied text). */
export function attributionMethodText(d: Attribution): string {
  const what = d.level === "group" ? "group" : "changed parameter";
  const k = d.parts.length;
  const joined = d.parts.some((p) => p.keptTogether !== undefined);
  // Parameters switched together are one part: "the 3 parameters" would count them apart.
  const noun = d.level === "group" ? "group" : joined ? "part" : "parameter";
  const how = d.exact
    ? `exact: all ${2 ** k} combinations of the ${k} ${noun}${k === 1 ? "" : "s"}`
    : `estimated from ${d.sampling!.permutations} random orders, seed ${d.sampling!.seed}; ± one standard error`;
  const together = joined
    ? `; ${d.level === "group" ? "groups" : "parameters"} whose mix of A and B breaks a rule needing several parameters are switched together as one`
    : "";
  return `fair shares (Shapley values): each ${what}'s effect of switching from A to B, averaged over every order of switching them (${how}); they add up exactly to the difference, with no interaction left over${together}`;
}

function partLine(
  d: Attribution,
  p: Attribution["parts"][number],
  nameA: string,
  nameB: string,
): string {
  const se =
    p.standardErrorPence === null ? "" : ` ± ${formatPence(Math.round(p.standardErrorPence))}`;
  const values = `${p.changedValues} CRC-year value${p.changedValues === 1 ? "" : "s"}`;
  const detail =
    p.params.length === 1 && d.level === "parameter"
      ? `${p.from} → ${p.to}; ${values}`
      : `${p.params.join(", ")}; ${values}`;
  const why =
    p.keptTogether === undefined ? "" : `\n    ${keptTogetherText(p.keptTogether, nameA, nameB)}`;
  return `  ${p.group}: ${formatPence(p.pence)}${se}  (${detail})${why}`;
}

/** A fair-shares attribution as text: the figure in A and B, each group's share, no interaction. */
export function formatAttribution(d: Attribution, nameA = "A", nameB = "B"): string {
  const { crc, line, period } = d.ref;
  return (
    [
      `${crc} · ${line} · ${period}`,
      `${nameA}: ${formatPence(d.amountAPence)}`,
      `${nameB}: ${formatPence(d.amountBPence)}`,
      `difference (${nameB} − ${nameA}): ${formatPence(d.deltaPence)}`,
      `${attributionMethodText(d).replaceAll("from A to B", `from ${nameA} to ${nameB}`)}:`,
      ...(d.parts.length === 0
        ? ["  (no parameter differs)"]
        : d.parts.map((p) => partLine(d, p, nameA, nameB))),
    ].join("\n") + "\n"
  );
}
