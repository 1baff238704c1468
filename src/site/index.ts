// Browser-side helpers for the pages (tables, formats, state), bundled by
// scripts/bundle-engine.mjs into docs/components/bundled/site.js. They live in src/ (not docs/)
// because they use Arquero, which Framework would bundle with Node's export conditions (node:fs)
// — esbuild with platform "browser" picks its browser build (BUILDING.md).
export { provenanceRows, statusSummary, type ProvenanceRow } from "./provenance.ts";
