// The pages' money formats: the one £m formatter (src/engine/format-millions.ts), its sign held
// to its amount on a page (issue #16), and pence → £m for charts' scales.
import { changeMillions, keepSignWithAmount } from "./bundled/site.js";

export {
  PENCE_PER_MILLION,
  keepSignWithAmount,
  pageMillions as formatMillions,
  tipMillions,
} from "./bundled/site.js";

/** A change for a page: "+£342.0m", "−£3.6m", the sign held to its amount. */
export const formatChange = (pence) => keepSignWithAmount(changeMillions(pence));
