import type { Figure } from "../data/dataset.ts";
import type { Summary } from "../scenario/summarize.ts";
import { millions, pageMillions } from "../engine/format-millions.ts";

/**
 * The published figures shown beside the model's on the headline cards (issue #20), like for
 * like: the published losses count from 2016-17 (the CRCs' forecasts "between 2016 and 2022"),
 * so the card quotes the model on that basis too. Every published number is read from
 * data/figures.csv; nothing is hard-coded.
 */
export interface PublishedBeside {
  /** Under the profit card: the model from 2016-17, and the £443m / £342m. */
  readonly profit: string;
  /** Under the loss-making card: the model from 2016-17, and the 14 of 21. */
  readonly losses: string;
}

type FigureLike = Pick<Figure, "id" | "value" | "valuePence">;

function find(figures: readonly FigureLike[], id: string): FigureLike {
  const f = figures.find((x) => x.id === id);
  if (f === undefined) throw new Error(`publishedBeside: no figure ${id} in data/figures.csv`);
  return f;
}

export function publishedBeside(
  summary: Pick<Summary, "from2016">,
  figures: readonly FigureLike[],
): PublishedBeside {
  const before = find(figures, "losses.forecastBeforeVariation").valuePence!;
  const increase = find(figures, "variation.increase").valuePence!;
  const losing = Number(find(figures, "losses.crcsStillLosing").value);
  const smallest = find(figures, "losses.perCrcMin").valuePence!;
  const largest = find(figures, "losses.perCrcMax").valuePence!;
  const model = summary.from2016;
  return {
    profit:
      `2016-17 to 2021-22: ${pageMillions(model.crcProfitPence)}. Published for those years: ` +
      `the CRCs forecast a ${millions(before)} loss before the 2017 variation (NAO HC 676), ` +
      `so about ${millions(before - increase)} after its ${millions(increase)}.`,
    losses:
      `2016-17 to 2021-22: ${model.lossMakingCrcs} of 21. Published: ${losing} of 21 still ` +
      `forecast losses after the ${millions(increase)}, ${millions(smallest)} to ` +
      `${millions(largest)} each (PAC HC 897, Mar 2018).`,
  };
}
