import type { ExportProvenance } from "./export-provenance.ts";

/** A provenance for the export builders' tests (fixed date, fake hash). */
export const HASH = "3fa2c1d0e9b8a7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918aabb";
export const PROVENANCE: ExportProvenance = {
  title: "Profit or loss by financial year, all 21 CRCs",
  scenarios: [{ role: null, name: "The 2017 variation", hash: HASH }],
  modelVersion: "0.1.0",
  generatedAt: new Date("2025-06-01T14:03:59.123Z"),
  sources: {
    listed: [
      {
        id: "nao",
        label: "National Audit Office (2017-12-19)",
        citation: "NAO, HC 676",
        inputs: 4,
      },
      { id: "pac", label: "PAC (2016-09-16)", citation: "PAC, HC 484", inputs: 2 },
    ],
    more: 7,
    inputs: 60,
    assumed: 23,
  },
  url: "http://127.0.0.1:3000/explorer?v=1&extends=the-2017-variation",
  sourcesUrl: "http://127.0.0.1:3000/sources",
  units: "money in whole pence",
};
