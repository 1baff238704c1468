// Browser-side helpers for the pages (tables, formats, state), bundled by
// scripts/bundle-engine.mjs into docs/components/bundled/site.js. They live in src/ (not docs/)
// because they use Arquero, which Framework would bundle with Node's export conditions (node:fs)
// — esbuild with platform "browser" picks its browser build (BUILDING.md).
export { provenanceRows, statusSummary, type ProvenanceRow } from "./provenance.ts";
export {
  LEVER_GROUPS,
  leverReadout,
  leverSpecs,
  rowSlider,
  scenarioFromLevers,
  withCrcOverrides,
  type LeverSpec,
} from "./levers.ts";
export { DEFAULT_SCENARIO, scenarioFromUrl } from "./scenario-from-url.ts";
export {
  initialChoice as initialScenarioChoice,
  scenarioChoices as listScenarioChoices,
  scenarioKey,
} from "./scenario-choices.ts";
export {
  crcProfits,
  cumulativeProfit,
  incomeByYear,
  nationByYear,
  ownerProfits,
  staffingSeries,
} from "./views.ts";
export { encodeScenarioQuery, decodeScenarioQuery } from "../state/url-state.ts";
export * as savedScenarios from "../state/saved-scenarios.ts";
export { mergeScenario } from "../scenario/merge-scenario.ts";
export { validateScenario } from "../scenario/validate-scenario.ts";
export { formatIssue } from "../issues/issue.ts";
export { PRESETS, PRESET_IDS } from "../scenario/presets.ts";
export { INCOME_LINES, COST_LINES } from "../engine/lines.ts";
export { millions, plainReading } from "./reading.ts";
export { publishedBeside } from "./published-beside.ts";
export {
  METRICS,
  compareScenarios,
  comparisonByMetric,
  comparisonCsv,
  crcProfitDeltas,
} from "./compare.ts";
export { MAX_COMPARED, selectionFromSearch, selectionQuery } from "../state/compare-selection.ts";
export {
  focusByYear,
  focusCostsByYear,
  focusIncomeByYear,
  focusStaffing,
  focusTotals,
  ownerCrcs,
  type Focus,
} from "./focus.ts";
export {
  BASIS_LABELS,
  basisCaption,
  basisSentences,
  DEFAULT_MC_VIEW,
  DRAW_CHOICES,
  PAGE_SHAPES,
  crcLossRows,
  fanRows,
  lossCountRows,
  monteCarloCsv,
  monteCarloViewFromSearch,
  monteCarloViewKeys,
  nationalStatRows,
  ownerLossRows,
  PAGE_BASES,
  posteriorSettingsNote,
  SWING_BASIS,
} from "./uncertainty.ts";
export { FAN_LINES, fanLineFromSearch } from "../state/fan-line-view.ts";
// "Explain this number" (issue #8): the panel's words and the `_explain` view key.
export {
  compareMetricFigure,
  explanationText,
  figureTitle,
  graft,
  inputLabel,
  inputSource,
  inputStatus,
  inputValueText,
  methodologySection,
  nodeAt,
  partLabel,
  periodName,
  ruleWords,
  whoName,
} from "./explanation.ts";
export {
  EXPLAIN_KEY,
  EXPLAIN_VIEW_KEY,
  VS_KEY,
  encodeExplainParam,
  explainDeltaFromSearch,
  explainFromSearch,
} from "../state/explain-param.ts";
export { formatDelta, formatPence } from "../explain/format-tree.ts";
// Fair shares of a change (issue #17): the Compare panel's split, waterfall and words.
export { attributionMethodText, formatAttribution } from "../explain/format-attribution.ts";
export { keptTogetherText } from "../explain/coupled-parameters.ts";
export { SPLIT_LABELS, waterfallSteps } from "./attribution-view.ts";
export {
  DEFAULT_SPLIT,
  SPLITS,
  SPLIT_KEY,
  splitFromSearch,
  splitQuery,
} from "../state/split-view.ts";
// Exports and embeds (issue #7): captions, CSV, SVG documents, iframe snippets, print inputs.
export { CHARTS, EMBED_CHART_IDS, chartSpec, type ChartSpec } from "./chart-catalog.ts";
export { chartSources } from "./chart-sources.ts";
export { PARAMETER_GROUPS } from "../data/index.ts";
export { chartCsv } from "./chart-csv.ts";
export { captionLines, citationText, exportFileName } from "./export-provenance.ts";
export { exportSvgDocument } from "./export-svg.ts";
export { embedUrl, iframeSnippet, openUrl } from "./embed-snippet.ts";
export { viewQuery } from "../state/view-query.ts";
export { MODEL_VERSION } from "./model-version.ts";
// Model versions (issue #18): `_mv` on every shared address, the note on a link from another version.
export {
  LARGEST_CHANGES,
  comparisonAnchor,
  compareSemver,
  isVersionNumber,
  versionAnchor,
  type ModelVersionsData,
} from "./model-versions.ts";
export { versionNote, type VersionNote } from "./version-note.ts";
export {
  MODEL_VERSION_KEY,
  linkVersionFromSearch,
  withModelVersion,
} from "../state/link-version.ts";
export { scenarioName } from "./scenario-name.ts";
// The shortfall years given in the data (the rest follow the trend): the Explorer's "Adjust one CRC".
export { SHORTFALL_GIVEN_IDS } from "../engine/parameter-specs.ts";
// How each line is named, in one record (issue #13 item 5).
export { LINE_IN_TEXT, LINE_LABELS, LINE_WORDS, lineWords } from "./line-words.ts";
// Money in £m: one formatter for every page, report and table (issue #13 item 5).
export {
  PENCE_PER_MILLION,
  changeMillions,
  keepSignWithAmount,
  pageMillions,
  signedMillions,
  tipMillions,
} from "../engine/format-millions.ts";
export { presetNotes, type PresetNote } from "./preset-notes.ts";
export { wrapText } from "./wrap-text.ts";
// Values in their units, as a reader writes them (issue #16).
export { formatEndText, formatInUnit, formatRange, monthName, unitWord } from "./unit-text.ts";
export { dateText, sourceAnchor, sourceEntries } from "./source-list.ts";
export { readerReason } from "./levers.ts";
export { inputsComparison, scenarioInputRows } from "./scenario-inputs.ts";
export {
  BREAK_EVEN_LEVERS,
  DEFAULT_SENSITIVITY_VIEW,
  GRID_STEP_CHOICES,
  SENSITIVITY_LINES,
  SENSITIVITY_PERIODS,
  outputRequest,
  sensitivityContext,
  sensitivityViewFromSearch,
  sensitivityViewKeys,
} from "../state/sensitivity-view.ts";
export {
  TORNADO_TOP,
  breakEvenCells,
  breakEvenRows,
  breakEvenTable,
  formatValue,
  gridCells,
  gridExportRows,
  gridTable,
  knobChoices,
  outputChoices,
  outputName,
  swingEndText,
  tornadoBars,
  tornadoExportRows,
  tornadoTable,
} from "./sensitivity.ts";
export {
  BACKTEST_DRAW_CHOICES,
  DEFAULT_BACKTEST,
  backtestFromDraws,
  backtestQuery,
  backtestSetup,
  backtestViewFromSearch,
} from "./posterior-rerun.ts";
