import type { ParameterGroup } from "../data/index.ts";

/**
 * What a difference is shared among (issue #17): each changed parameter across all its CRCs and
 * years ("parameter"), or the changed parameters of each group of data/parameters.csv taken
 * together ("group": volumes, contract terms, the variation, …).
 */
export const ATTRIBUTION_LEVELS = ["parameter", "group"] as const;
export type AttributionLevel = (typeof ATTRIBUTION_LEVELS)[number];

/** The groups' names in words (data/parameters.csv's `group` column). */
export const GROUP_TITLES: Readonly<Record<ParameterGroup, string>> = {
  contract: "Contract terms",
  volumes: "Volumes",
  variation: "2017 variation and guarantee",
  pbr: "Payment by results",
  staffing: "Staffing",
  costs: "Costs",
  other: "Service credits and ICT",
};

/** Each parameter's label and group, from the data (plain maps: the core needs no dataset). */
export interface ParameterCatalog {
  readonly labelOf: ReadonlyMap<string, string>;
  readonly groupOf: ReadonlyMap<string, ParameterGroup>;
}

export const EMPTY_CATALOG: ParameterCatalog = { labelOf: new Map(), groupOf: new Map() };

/** A catalog from the dataset's parameter rows (the national row's label, else the first). */
export function parameterCatalog(
  rows: ReadonlyArray<{
    readonly id: string;
    readonly crc: string | null;
    readonly label: string;
    readonly group: ParameterGroup;
  }>,
): ParameterCatalog {
  const labelOf = new Map<string, string>();
  const groupOf = new Map<string, ParameterGroup>();
  for (const row of rows) {
    if (!groupOf.has(row.id)) groupOf.set(row.id, row.group);
    if (row.label && (row.crc === null || !labelOf.has(row.id))) labelOf.set(row.id, row.label);
  }
  return { labelOf, groupOf };
}

/** One player of the attribution: an id, its words, and the changed parameters it switches. */
export interface AttributionGroup {
  readonly id: string;
  readonly label: string;
  readonly params: readonly string[];
}

/**
 * The players for `params` (the parameters that differ) at `level`, sorted by id, each with its
 * parameters sorted: the same groups whatever order the parameters were listed in. A parameter
 * the catalog does not know is a group of its own, named by its id.
 */
export function attributionGroups(
  params: readonly string[],
  level: AttributionLevel,
  catalog: ParameterCatalog = EMPTY_CATALOG,
): AttributionGroup[] {
  const members = new Map<string, string[]>();
  for (const param of params) {
    const group = level === "group" ? (catalog.groupOf.get(param) ?? param) : param;
    members.set(group, [...(members.get(group) ?? []), param]);
  }
  return [...members]
    .map(([id, ps]) => ({
      id,
      label:
        level === "group"
          ? Object.hasOwn(GROUP_TITLES, id)
            ? GROUP_TITLES[id as ParameterGroup]
            : (catalog.labelOf.get(id) ?? id)
          : (catalog.labelOf.get(id) ?? id),
      params: [...ps].sort(byText),
    }))
    .sort((x, y) => byText(x.id, y.id));
}

/** Plain string order (code units): the same in Node and every browser, whatever the locale. */
export function byText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
