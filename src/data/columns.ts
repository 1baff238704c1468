/**
 * The columns of each data file, in file order. Every header has a column naming the source
 * (a CI hook checks this); data/README.md describes each column.
 */
export const SOURCE_COLUMNS = [
  "id",
  "kind",
  "title",
  "publisher",
  "date",
  "url",
  "source_file",
  "citation",
  "note",
] as const;

export const OWNER_COLUMNS = [
  "id",
  "name",
  "kind",
  "members",
  "crc_count",
  "later_change",
  "source_id",
  "locator",
] as const;

export const CRC_COLUMNS = [
  "id",
  "name",
  "owner_id",
  "areas",
  "region",
  "source_id",
  "locator",
] as const;

export const FIGURE_COLUMNS = [
  "id",
  "value",
  "unit",
  "qualifier",
  "scope",
  "period",
  "meaning",
  "source_id",
  "locator",
  "use",
] as const;

export const PARAMETER_COLUMNS = [
  "id",
  "crc",
  "unit",
  "default",
  "min",
  "max",
  "low",
  "high",
  "status",
  "source_id",
  "locator",
  "reason",
  "label",
  "group",
] as const;

/** The five files `parseDataset` reads, by key (file name = key + ".csv"). */
export type DataFileName = "sources" | "owners" | "crcs" | "figures" | "parameters";
export type DataFiles = Record<DataFileName, string>;
