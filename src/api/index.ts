/**
 * The engine as a Node library (issue #19): `import { validate, project, monteCarlo, explain,
 * compare } from "crc-scenarios"`. Each function answers as the site's worker does (src/worker/
 * api.ts): plain, JSON-ready values, and expected failures as values `{ok: false, issues: [{path,
 * message}]}`, never a throw. The data (data/*.csv) is read from the package on first use.
 */
import { datasetForCli } from "../cli/dataset-for-cli.ts";
import type { Issue, Result } from "../issues/issue.ts";
import { PRESET_IDS } from "../scenario/presets.ts";
import { createEngineApi, type EngineApi } from "../worker/api.ts";
import type { ExplainRequest, ExplainView } from "../worker/explain-request.ts";
import type { MonteCarloRequest } from "../worker/monte-carlo-request.ts";
import type { ProjectionRequest, ProjectionView } from "../worker/project-request.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import { compareWith, type CompareRequest, type Comparison } from "./compare.ts";

export type { Issue, Result } from "../issues/issue.ts";
export type { ProjectionRequest, ProjectionView } from "../worker/project-request.ts";
export type { MonteCarloRequest } from "../worker/monte-carlo-request.ts";
export type { ExplainRequest, ExplainView } from "../worker/explain-request.ts";
export type { Summary } from "../scenario/summarize.ts";
export type { TidyRow } from "../engine/roll-up.ts";
export type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
export type { FigureNode } from "../explain/explain-figure.ts";
export type { FigureRef } from "../explain/figure-ref.ts";
export type { ComparisonRow, CrcDelta } from "../site/compare.ts";
export type { CompareRequest, Comparison } from "./compare.ts";

/** The preset ids in models/, each usable as `{schemaVersion: 1, extends: id}`. */
export const presets: readonly string[] = PRESET_IDS;

let engine: Promise<Result<EngineApi>> | undefined;

/** The engine with the package's data, loaded once; a data problem is every call's answer. */
function ready(): Promise<Result<EngineApi>> {
  engine ??= (async (): Promise<Result<EngineApi>> => {
    const data = await datasetForCli();
    if (!data.ok) return data;
    const api = createEngineApi();
    const started = await api.init(data.value);
    return started.ok ? { ok: true, value: api } : started;
  })();
  return engine;
}

async function withEngine<T>(use: (api: EngineApi) => Promise<Result<T>>): Promise<Result<T>> {
  const api = await ready();
  return api.ok ? use(api.value) : api;
}

/** Check a scenario document: its canonical hash and warnings, or every problem with its path. */
export function validate(scenario: unknown): Promise<Result<{ hash: string; warnings: Issue[] }>> {
  return withEngine((api) => api.validate(scenario));
}

/** Project a scenario on the exact engine: summary, rows by year and contract, months. */
export function project(request: ProjectionRequest): Promise<Result<ProjectionView>> {
  return withEngine((api) => api.project(request));
}

/** A seeded Monte Carlo run around a scenario (README "Monte Carlo"). */
export function monteCarlo(request: MonteCarloRequest): Promise<Result<MonteCarloSummary>> {
  return withEngine((api) => api.monteCarlo(request));
}

/** Why a figure has its value: a tree of rules, inputs and sources (default depth 2). */
export function explain(request: ExplainRequest): Promise<Result<ExplainView>> {
  return withEngine((api) => api.explain(request));
}

/** A baseline and up to six scenarios side by side with exact differences (the Compare page). */
export function compare(request: CompareRequest): Promise<Result<Comparison>> {
  return withEngine((api) => compareWith(api, request));
}
