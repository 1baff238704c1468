// Framework data loader: every target in data/targets.csv with the model's value (exact engine,
// data as committed), the residual and the parameters fitted to it, computed at build time by
// the same code as `npm run calibrate -- --table` and test/checks/calibration.test.ts; and the
// stored posterior's report (data/posterior.json, `npm run calibrate -- --posterior`; issue #14)
// shaped for the page by src/site/calibration-posterior.ts.
import { formatIssue } from "../../src/issues/issue.ts";
import { param } from "../../src/data/index.ts";
import { loadDataset } from "../../src/data/load-from-disk.ts";
import { evaluateTargets, presetLedgers } from "../../src/calibration/evaluate.ts";
import { FREE_PARAMETERS } from "../../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import { STRUCTURAL_NOTES } from "../../src/calibration/diagnostics.ts";
import { describeTolerance } from "../../src/calibration/targets.ts";
import { formatTargetValue } from "../../src/calibration/report.ts";
import type { PosteriorReport } from "../../src/calibration/build-posterior.ts";
import { posteriorView } from "../../src/site/calibration-posterior.ts";
import { sourceCitation } from "../../src/site/source-list.ts";
import {
  SIGN_CONVENTION,
  pageSign,
  shownAsLoss,
  targetAsShown,
} from "../../src/site/target-signs.ts";
import { keepSignWithAmount } from "../../src/engine/format-millions.ts";

const loaded = await loadDataset("data");
if (!loaded.ok) {
  for (const issue of loaded.issues) process.stderr.write(formatIssue(issue) + "\n");
  process.exit(1);
}
const dataset = loaded.value;
const targets = await loadTargetsFromDisk(dataset);
const rows = evaluateTargets(targets, presetLedgers(dataset)).map(
  ({ target, model, residual, within }) => {
    const source = dataset.sources.find((s) => s.id === target.sourceId);
    // One sign convention (issue #16): a figure about losses is the size of the loss.
    const sign = pageSign(target);
    const show = (v: number) => keepSignWithAmount(formatTargetValue(sign * v, target.unit));
    return {
      id: target.id,
      definition: target.definition,
      scope: target.scope,
      period: target.period,
      basis: target.basis,
      scenario: target.scenario,
      model: show(model),
      published: show(target.value),
      residual: keepSignWithAmount((sign * residual >= 0 ? "+" : "") + show(residual)),
      tolerance: describeTolerance(targetAsShown(target), (v) =>
        keepSignWithAmount(formatTargetValue(v, target.unit)),
      ),
      shownAsLoss: shownAsLoss(target),
      toleranceReason: target.toleranceReason,
      role: target.role,
      fits: target.fits,
      within,
      whyNot: within ? null : (STRUCTURAL_NOTES[target.id] ?? null),
      sourceId: target.sourceId,
      source: source ? sourceCitation(source) : target.sourceId,
      locator: target.locator,
      publishedOn: target.published,
    };
  },
);
const fitted = FREE_PARAMETERS.map((p) => {
  const row = param(dataset, p.id);
  return {
    id: p.id,
    label: row.label,
    value: row.text.default,
    low: row.text.low,
    high: row.text.high,
    atBound: row.text.default === row.text.low || row.text.default === row.text.high,
    method: p.method === "joint" ? "Levenberg–Marquardt, jointly" : "solved exactly (linear)",
    targets: targets.filter((t) => t.fits.includes(p.id)).map((t) => t.id),
  };
});
const posterior = dataset.posterior
  ? posteriorView(
      dataset.posterior,
      dataset.posterior.report as PosteriorReport,
      targets,
      dataset.parameters,
    )
  : null;
// Each reason a target is missed or not covered, once: the tables link here (issue #16).
const notCovered = posterior
  ? [
      ...posterior.predictive,
      ...posterior.leaveOneOut,
      ...posterior.vintages.flatMap((v) => v.rows),
    ]
      .filter((r) => !r.covers)
      .map((r) => r.target)
  : [];
const whyIds = [...rows.filter((r) => !r.within).map((r) => r.id), ...notCovered];
const why = [...new Set(whyIds)].map((id) => ({
  target: id,
  missedByFit: rows.some((r) => r.id === id && !r.within),
  text: STRUCTURAL_NOTES[id] ?? null,
}));
process.stdout.write(
  JSON.stringify({ rows, fitted, posterior, why, signConvention: SIGN_CONVENTION }),
);
