export type * from "./dataset.ts";
export {
  SOURCE_KINDS,
  OWNER_KINDS,
  FIGURE_QUALIFIERS,
  FIGURE_USES,
  PARAMETER_STATUSES,
  PARAMETER_GROUPS,
} from "./dataset.ts";
export type { DataFiles, DataFileName } from "./columns.ts";
export { PARAMETER_COLUMNS } from "./columns.ts";
export { UNITS, UNIT_NAMES, isMoneyUnit, type Unit } from "./units.ts";
export { PARAMETER_UNITS } from "./parameter-units.ts";
export { parseDataset } from "./parse-dataset.ts";
export { param, paramNumber, paramPence, paramMonth, paramRowsByCrc, figure } from "./lookup.ts";
